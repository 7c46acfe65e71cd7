# Finds Debian's Clang/LLVM 19 CMake packages, or stops with the packages to install.
# Clang's version file compares major.minor, so "19.1" is the request that works;
# with no version, CMake would pick up the clang-14 packages that Debian also ships.
set(RACELINT_LLVM_PREFIX "/usr/lib/llvm-19" CACHE PATH "Where LLVM/Clang 19 is installed")
find_package(Clang 19.1 CONFIG QUIET
  HINTS "${RACELINT_LLVM_PREFIX}/lib/cmake/clang")
if(NOT Clang_FOUND)
  message(FATAL_ERROR
    "racelint needs Clang and LLVM 19 (not found under ${RACELINT_LLVM_PREFIX}).\n"
    "On Debian 12 install them with:\n"
    "  apt-get install clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev "
    "llvm-19-tools libclang-rt-19-dev\n"
    "or point -DRACELINT_LLVM_PREFIX= at another LLVM 19 installation.")
endif()
message(STATUS "racelint: Clang ${LLVM_PACKAGE_VERSION} from ${LLVM_INSTALL_PREFIX}")

find_program(RACELINT_CLANG NAMES clang-19 clang
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH REQUIRED)
execute_process(COMMAND "${RACELINT_CLANG}" -print-resource-dir
  OUTPUT_VARIABLE RACELINT_CLANG_RESOURCE_DIR
  OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
find_program(RACELINT_CLANGXX NAMES clang++-19 clang++
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH REQUIRED)
