# lit configuration for every racelint suite. The site values (paths into the
# build) come from the lit.site.cfg.py that CMake generates; ctest passes its
# path as --param racelint_site_config.
import os

import lit.formats
import lit.util

site_config = lit_config.params.get("racelint_site_config")
if site_config is None:
    lit_config.fatal("run lit through ctest, or pass "
                     "--param racelint_site_config=BUILD/test/lit.site.cfg.py")
with open(site_config) as f:
    exec(compile(f.read(), site_config, "exec"))

config.name = "racelint"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".c", ".cpp", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.racelint_obj_root, "test")

# RUN lines use FileCheck, not, count from LLVM 19 and racelint's own tools.
path = os.path.pathsep.join([config.racelint_tools_dir, config.llvm_tools_dir,
                             config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path

config.substitutions.append(("%racelint", os.path.join(config.racelint_tools_dir, "racelint")))
config.substitutions.append(("%clangxx", config.clangxx))
config.substitutions.append(("%clang", config.clang))
config.substitutions.append(("%cmake", config.cmake))
config.substitutions.append(("%python", config.python))
config.substitutions.append(("%samples_bin", os.path.join(config.racelint_obj_root, "samples")))
config.substitutions.append(("%src_root", config.racelint_src_root))
config.substitutions.append(("%obj_root", config.racelint_obj_root))
