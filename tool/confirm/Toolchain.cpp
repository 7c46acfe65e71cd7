//===--- Toolchain.cpp - Building and running the program -----------------===//
//
// Every child runs through llvm::sys::ExecuteAndWait with its output in files,
// so a program that prints a lot or hangs cannot block racelint-confirm: the
// timeout kills it and what it wrote so far is still read.
//
//===----------------------------------------------------------------------===//

#include "Toolchain.h"

#include "Evidence.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <chrono>

extern char **environ;

using namespace racelint::confirm;

std::optional<Toolchain> Toolchain::locate(const char *Argv0,
                                           std::string &Error) {
  static int Anchor;
  std::string Self = llvm::sys::fs::getMainExecutable(Argv0, &Anchor);
  llvm::SmallString<256> Bin(llvm::sys::path::parent_path(Self));
  Toolchain Tools;
  llvm::SmallString<256> Path(Bin);
  llvm::sys::path::append(Path, "racelint");
  Tools.Racelint = Path.str().str();
  Path = Bin;
  llvm::sys::path::append(Path, "..", "lib", "libracelint_rt.a");
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  Tools.RuntimeLibrary = Path.str().str();
  Path = Bin;
  llvm::sys::path::append(Path, "..", "include", "racelint_rt.h");
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  Tools.RuntimeHeader = Path.str().str();
  Tools.Clang = RACELINT_CONFIRM_CLANG;
  Tools.Clangxx = RACELINT_CONFIRM_CLANGXX;
  Tools.Symbolizer = RACELINT_CONFIRM_SYMBOLIZER;
  Tools.ResourceDir = RACELINT_CONFIRM_RESOURCE_DIR;
  for (const std::string *Needed :
       {&Tools.Racelint, &Tools.RuntimeLibrary, &Tools.RuntimeHeader,
        &Tools.Clang, &Tools.Clangxx}) {
    if (!llvm::sys::fs::exists(*Needed)) {
      Error = "cannot find " + *Needed;
      return std::nullopt;
    }
  }
  return Tools;
}

static std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return "";
  return (*Buffer)->getBuffer().str();
}

CommandResult racelint::confirm::runCommand(
    const std::vector<std::string> &Argv,
    const std::optional<std::vector<std::string>> &Env,
    const std::string &StdoutFile, const std::string &StderrFile,
    unsigned Timeout) {
  std::vector<llvm::StringRef> Args(Argv.begin(), Argv.end());
  std::optional<std::vector<llvm::StringRef>> EnvRefs;
  if (Env)
    EnvRefs.emplace(Env->begin(), Env->end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(StdoutFile),
                                                llvm::StringRef(StderrFile)};
  CommandResult Result;
  bool ExecutionFailed = false;
  auto Start = std::chrono::steady_clock::now();
  Result.ExitCode = llvm::sys::ExecuteAndWait(
      Argv.front(), Args,
      EnvRefs ? std::optional<llvm::ArrayRef<llvm::StringRef>>(*EnvRefs)
              : std::nullopt,
      Redirects, Timeout, /*MemoryLimit=*/0, &Result.Error, &ExecutionFailed);
  Result.Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
          .count();
  Result.CouldNotStart = ExecutionFailed || Result.ExitCode == -1;
  Result.TimedOut = llvm::StringRef(Result.Error).contains("timed out");
  Result.Crashed = Result.ExitCode == -2 && !Result.TimedOut;
  Result.Stdout = readFile(StdoutFile);
  Result.Stderr = readFile(StderrFile);
  return Result;
}

static bool isCxxSource(llvm::StringRef Path) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  return Ext != ".c";
}

bool racelint::confirm::buildProgram(const Toolchain &Tools,
                                     const std::vector<std::string> &Sources,
                                     const std::vector<std::string> &Flags,
                                     const std::vector<std::string> &ExtraFlags,
                                     const std::string &Output,
                                     const std::string &WorkDir,
                                     std::string &Diagnostics) {
  bool Cxx = llvm::any_of(Sources, isCxxSource);
  std::vector<std::string> Argv{Cxx ? Tools.Clangxx : Tools.Clang,
                                "-fsanitize=thread", "-g", "-include",
                                Tools.RuntimeHeader};
  Argv.insert(Argv.end(), Flags.begin(), Flags.end());
  Argv.insert(Argv.end(), ExtraFlags.begin(), ExtraFlags.end());
  Argv.insert(Argv.end(), Sources.begin(), Sources.end());
  Argv.insert(Argv.end(), {"-Wl,--whole-archive", Tools.RuntimeLibrary,
                           "-Wl,--no-whole-archive", "-pthread", "-o", Output});
  CommandResult Result = runCommand(Argv, std::nullopt, WorkDir + "/build.out",
                                    WorkDir + "/build.err", /*Timeout=*/300);
  Diagnostics = Result.Stderr + Result.Stdout;
  if (Result.CouldNotStart && Diagnostics.empty())
    Diagnostics = Result.Error;
  return Result.ExitCode == 0;
}

/// The environment of a run: ours, minus any shim flags or TSan options that
/// would change where the evidence goes, plus the run's own. A user's other
/// TSAN_OPTIONS are kept (ours come last and win).
static std::vector<std::string> runEnvironment(const Toolchain &Tools,
                                               const std::string &RunDir,
                                               const std::string &Windows) {
  std::vector<std::string> Env;
  std::string UserTsanOptions;
  for (char **Entry = environ; *Entry; ++Entry) {
    llvm::StringRef Var(*Entry);
    if (Var.starts_with("RACELINT_RT_"))
      continue;
    if (Var.consume_front("TSAN_OPTIONS=")) {
      UserTsanOptions = Var.str();
      continue;
    }
    Env.push_back(Var.str());
  }
  std::string TsanOptions =
      UserTsanOptions.empty() ? "" : UserTsanOptions + ":";
  TsanOptions += "log_path=" + RunDir + "/tsan:atexit_sleep_ms=0";
  if (llvm::sys::fs::exists(Tools.Symbolizer))
    TsanOptions += ":external_symbolizer_path=" + Tools.Symbolizer;
  Env.push_back("TSAN_OPTIONS=" + TsanOptions);
  Env.push_back("RACELINT_RT_EVENTS_DIR=" + RunDir);
  Env.push_back("RACELINT_RT_REPORT_ALIVE=0");
  if (!Windows.empty())
    Env.push_back("RACELINT_RT_WINDOWS_FILE=" + Windows);
  return Env;
}

RunEvidence racelint::confirm::runProgram(const Toolchain &Tools,
                                          const std::string &Program,
                                          const std::vector<std::string> &Args,
                                          const std::string &RunDir,
                                          const std::string &WindowsFile,
                                          unsigned Timeout) {
  llvm::sys::fs::create_directories(RunDir);
  std::vector<std::string> Argv{Program};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  CommandResult Result =
      runCommand(Argv, runEnvironment(Tools, RunDir, WindowsFile),
                 RunDir + "/stdout", RunDir + "/stderr", Timeout);
  RunEvidence Run;
  Run.ExitCode = Result.ExitCode;
  Run.TimedOut = Result.TimedOut;
  Run.StartFailed = Result.CouldNotStart;
  Run.Stdout = Result.Stdout;
  Run.Stderr = Result.Stderr;
  Run.Seconds = Result.Seconds;
  if (Result.TimedOut)
    Run.Problem = "timed out after " + std::to_string(Timeout) + " s";
  else if (Result.CouldNotStart)
    Run.Problem = "could not start: " + Result.Error;
  else if (Result.Crashed)
    Run.Problem = "crashed: " + Result.Error;
  readRunFolder(RunDir, Run);
  return Run;
}
