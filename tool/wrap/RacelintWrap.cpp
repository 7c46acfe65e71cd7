//===--- RacelintWrap.cpp - racelint as a compiler launcher ---------------===//
//
// racelint-wrap COMPILER ARGS... runs the compiler exactly as asked, then,
// for a compile step that succeeded, runs racelint on its source file with
// the same flags and prints the findings on stderr. The build's outcome is
// the compiler's unless --werror (or RACELINT_WRAP_WERROR=1) makes findings
// fail it; then the object file is removed, as a compiler does on error, so
// the next build checks the file again.
//
//===----------------------------------------------------------------------===//
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace {

constexpr int ExitUsage = 2;

bool isSourceFile(llvm::StringRef Arg) {
  llvm::StringRef Ext = llvm::sys::path::extension(Arg);
  return llvm::StringSwitch<bool>(Ext)
      .Cases(".c", ".cc", ".cpp", ".cxx", ".c++", ".C", true)
      .Default(false);
}

/// Flags that name an output or a dependency file take the next argument.
bool takesOutputArgument(llvm::StringRef Arg) {
  return Arg == "-o" || Arg == "-MF" || Arg == "-MT" || Arg == "-MQ";
}

bool isOutputOnlyFlag(llvm::StringRef Arg) {
  return Arg == "-c" || Arg == "-MD" || Arg == "-MMD" || Arg == "-MP" ||
         Arg.starts_with("-Wl,") || Arg.starts_with("-o");
}

struct CompileStep {
  std::vector<std::string> Sources;
  std::vector<std::string> Flags;
  std::optional<std::string> Output;
  bool CompilesOnly = false;
};

CompileStep parseCompileStep(llvm::ArrayRef<std::string> Args) {
  CompileStep Step;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg = Args[I];
    if (Arg == "-c")
      Step.CompilesOnly = true;
    if (takesOutputArgument(Arg) && I + 1 < Args.size()) {
      if (Arg == "-o")
        Step.Output = Args[I + 1];
      ++I;
      continue;
    }
    if (isOutputOnlyFlag(Arg))
      continue;
    if (!Arg.starts_with("-") && isSourceFile(Arg)) {
      Step.Sources.push_back(Arg.str());
      continue;
    }
    Step.Flags.push_back(Arg.str());
  }
  return Step;
}

/// racelint, installed beside this program.
std::string racelintPath(const char *Argv0) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&racelintPath));
  llvm::SmallString<256> Path(llvm::sys::path::parent_path(Self));
  llvm::sys::path::append(Path, "racelint");
  return std::string(Path);
}

int run(llvm::ArrayRef<std::string> Command) {
  std::vector<llvm::StringRef> Args(Command.begin(), Command.end());
  std::string Error;
  // The compiler runs exactly as asked: same arguments, same streams.
  auto Program = llvm::sys::findProgramByName(Command.front());
  if (!Program) {
    llvm::WithColor::error(llvm::errs(), "racelint-wrap")
        << "cannot find '" << Command.front() << "'\n";
    return ExitUsage;
  }
  int Status =
      llvm::sys::ExecuteAndWait(*Program, Args, std::nullopt, {}, 0, 0, &Error);
  if (Status < 0) {
    llvm::WithColor::error(llvm::errs(), "racelint-wrap")
        << "cannot run '" << Command.front() << "': " << Error << '\n';
    return ExitUsage;
  }
  return Status;
}

} // namespace

int main(int Argc, const char **Argv) {
  std::vector<std::string> Args(Argv + 1, Argv + Argc);
  bool Werror = llvm::sys::Process::GetEnv("RACELINT_WRAP_WERROR") ==
                std::optional<std::string>("1");
  if (!Args.empty() && Args.front() == "--werror") {
    Werror = true;
    Args.erase(Args.begin());
  }
  if (Args.empty()) {
    llvm::WithColor::error(llvm::errs(), "racelint-wrap")
        << "usage: racelint-wrap [--werror] COMPILER ARGS...\n";
    return ExitUsage;
  }

  int CompilerStatus = run(Args);
  CompileStep Step = parseCompileStep(llvm::ArrayRef(Args).drop_front());
  if (CompilerStatus != 0 || !Step.CompilesOnly || Step.Sources.size() != 1)
    return CompilerStatus;

  // The findings go to stderr, where a build shows the compiler's warnings.
  // racelint writes to a file of its own, copied to our stderr: opening
  // /dev/stderr would truncate a build log that stderr is redirected to.
  llvm::SmallString<128> Findings;
  if (llvm::sys::fs::createTemporaryFile("racelint-wrap", "txt", Findings))
    return CompilerStatus;
  llvm::FileRemover RemoveFindings(Findings);
  std::vector<std::string> Lint = {racelintPath(Argv[0]), "-o",
                                   std::string(Findings)};
  if (auto Extra = llvm::sys::Process::GetEnv("RACELINT_WRAP_ARGS")) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(*Extra).split(Parts, ' ', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef Part : Parts)
      Lint.push_back(Part.str());
  }
  Lint.push_back(Step.Sources.front());
  Lint.push_back("--");
  Lint.insert(Lint.end(), Step.Flags.begin(), Step.Flags.end());
  std::vector<llvm::StringRef> LintArgs(Lint.begin(), Lint.end());
  std::string Error;
  int LintStatus = llvm::sys::ExecuteAndWait(Lint.front(), LintArgs,
                                             std::nullopt, {}, 0, 0, &Error);
  if (auto Text = llvm::MemoryBuffer::getFile(Findings))
    llvm::errs() << (*Text)->getBuffer();
  if (LintStatus < 0 || LintStatus == 2) {
    llvm::WithColor::warning(llvm::errs(), "racelint-wrap")
        << "racelint could not analyse '" << Step.Sources.front()
        << "'; the build goes on\n";
    return CompilerStatus;
  }
  if (LintStatus == 1 && Werror) {
    if (Step.Output)
      llvm::sys::fs::remove(*Step.Output);
    return 1;
  }
  return CompilerStatus;
}
