//===--- Toolchain.h - Building and running the program --------*- C++ -*-===//
//
// The programs racelint-confirm drives, found relative to its own location
// (racelint beside it, the shim in ../lib and ../include) or configured at
// build time (clang-19, llvm-symbolizer): running racelint, building a program
// with -fsanitize=thread and the shim, and running it under a timeout with the
// shim's and TSan's output sent to a fresh folder.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CONFIRM_TOOLCHAIN_H
#define RACELINT_CONFIRM_TOOLCHAIN_H

#include "Confirm.h"

#include <optional>
#include <string>
#include <vector>

namespace racelint::confirm {

struct Toolchain {
  std::string Racelint;
  std::string Clang;
  std::string Clangxx;
  std::string RuntimeLibrary;
  std::string RuntimeHeader;
  std::string Symbolizer;
  std::string ResourceDir;

  /// The toolchain of the racelint-confirm at \p Argv0; an error message
  /// names what is missing.
  static std::optional<Toolchain> locate(const char *Argv0, std::string &Error);
};

struct CommandResult {
  int ExitCode = 0;
  bool TimedOut = false;
  bool Crashed = false;
  bool CouldNotStart = false;
  std::string Error;
  std::string Stdout;
  std::string Stderr;
  double Seconds = 0;
};

/// Runs \p Argv (its first element the program) with stdout and stderr in
/// the files given, in \p Env when there is one; \p Timeout seconds, 0: none.
CommandResult runCommand(const std::vector<std::string> &Argv,
                         const std::optional<std::vector<std::string>> &Env,
                         const std::string &StdoutFile,
                         const std::string &StderrFile, unsigned Timeout);

/// Compiles and links \p Sources into \p Output with -fsanitize=thread -g and
/// the shim (whole-archive), the probe header included, \p Flags (the user's
/// compile flags) and \p ExtraFlags. False with the compiler's output in
/// \p Diagnostics on failure.
bool buildProgram(const Toolchain &Tools,
                  const std::vector<std::string> &Sources,
                  const std::vector<std::string> &Flags,
                  const std::vector<std::string> &ExtraFlags,
                  const std::string &Output, const std::string &WorkDir,
                  std::string &Diagnostics);

/// Runs \p Program with \p Args in the fresh folder \p RunDir, with the
/// shim's events, TSan's log and the race windows of \p WindowsFile (may be
/// empty) there, and reads what it showed.
RunEvidence runProgram(const Toolchain &Tools, const std::string &Program,
                       const std::vector<std::string> &Args,
                       const std::string &RunDir,
                       const std::string &WindowsFile, unsigned Timeout);

} // namespace racelint::confirm

#endif
