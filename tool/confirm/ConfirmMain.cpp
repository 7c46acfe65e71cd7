//===--- ConfirmMain.cpp - racelint-confirm's command line ----------------===//
//
// racelint-confirm [options] FILE... [-- COMPILE_FLAGS] [--run ARGS...]
//
// Finds the races statically, proves them at run time, then proves the fix:
// racelint's JSON, a ThreadSanitizer build of a copy with race-window probes
// at each reported read, N runs, the fix (racelint's fix-its on another copy,
// or the fixed twin given with --fixed), N runs of that, and a before/after
// summary. The user's files are only ever read. docs/confirm.md says more.
//
//===----------------------------------------------------------------------===//

#include "ConfirmReport.h"
#include "ProbeInserter.h"
#include "Toolchain.h"
#include "Verdicts.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace racelint::confirm;

namespace {

struct Options {
  std::vector<std::string> Files;
  std::vector<std::string> Flags;
  std::vector<std::string> RunArgs;
  /// Input file (absolute) -> its fixed twin; "" stands for the first input.
  std::vector<std::pair<std::string, std::string>> Fixed;
  unsigned Runs = 1;
  unsigned Timeout = 60;
  unsigned WindowMs = 100;
  bool Json = false;
  bool Keep = false;
};

/// An error that ends racelint-confirm with status 2.
struct Failure {
  std::string Message;
  std::string Detail;
};

} // namespace

static const char Usage[] =
    "usage: racelint-confirm [options] FILE... [-- COMPILE_FLAGS] "
    "[--run ARGS...]\n"
    "\n"
    "Checks FILE... with racelint, builds them with -fsanitize=thread and the\n"
    "racelint runtime shim (race windows at each reported read), runs the\n"
    "program, and says of each finding whether the run confirmed it; then\n"
    "applies the fix (racelint's fix-its on a copy, or --fixed), rebuilds,\n"
    "reruns and shows the race gone.\n"
    "\n"
    "options:\n"
    "  --runs N          runs before and after the fix (default 1)\n"
    "  --timeout SEC     per run (default 60)\n"
    "  --window-ms MS    pause at each race window (default 100)\n"
    "  --fixed FILE      the fixed twin of the (first) input file; or\n"
    "  --fixed IN=FILE   of input IN; used instead of racelint's fix-its\n"
    "  --format=text|json\n"
    "  --keep            keep the temporary folder (its path is printed)\n"
    "  --help\n"
    "\n"
    "exit status: 0 every finding confirmed and fixed, nothing unpredicted;\n"
    "1 otherwise; 2 usage or build error\n";

static std::string absolute(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  llvm::sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
  return Abs.str().str();
}

static bool parseCount(llvm::StringRef Text, unsigned &Value, unsigned Min) {
  return !Text.getAsInteger(10, Value) && Value >= Min;
}

static std::optional<Options> parseOptions(int Argc, char **Argv,
                                           Failure &Error) {
  Options O;
  std::vector<std::pair<std::string, std::string>> FixedArgs;
  int I = 1;
  auto NeedValue = [&](llvm::StringRef Option, std::string &Value) -> bool {
    if (I + 1 >= Argc) {
      Error.Message = "option '" + Option.str() + "' needs a value";
      return false;
    }
    Value = Argv[++I];
    return true;
  };
  for (; I < Argc; ++I) {
    llvm::StringRef Arg(Argv[I]);
    std::string Value;
    if (Arg == "--" || Arg == "--run")
      break;
    if (Arg == "--help" || Arg == "-h") {
      llvm::outs() << Usage;
      std::exit(0);
    }
    if (Arg == "--keep") {
      O.Keep = true;
      continue;
    }
    if (Arg.consume_front("--format=")) {
      if (Arg != "text" && Arg != "json") {
        Error.Message = "unknown format '" + Arg.str() + "' (text or json)";
        return std::nullopt;
      }
      O.Json = Arg == "json";
      continue;
    }
    if (Arg == "--runs" || Arg == "--timeout" || Arg == "--window-ms") {
      if (!NeedValue(Arg, Value))
        return std::nullopt;
      unsigned &Target = Arg == "--runs"      ? O.Runs
                         : Arg == "--timeout" ? O.Timeout
                                              : O.WindowMs;
      if (!parseCount(Value, Target, Arg == "--window-ms" ? 0 : 1)) {
        Error.Message =
            "option '" + Arg.str() + "' needs a number, not '" + Value + "'";
        return std::nullopt;
      }
      continue;
    }
    if (Arg == "--fixed") {
      if (!NeedValue(Arg, Value))
        return std::nullopt;
      auto [In, Fixed] = llvm::StringRef(Value).split('=');
      if (Fixed.empty())
        FixedArgs.emplace_back("", In.str());
      else
        FixedArgs.emplace_back(In.str(), Fixed.str());
      continue;
    }
    if (Arg.starts_with("-")) {
      Error.Message = "unknown option '" + Arg.str() + "' (see --help)";
      return std::nullopt;
    }
    O.Files.push_back(Arg.str());
  }
  if (I < Argc && llvm::StringRef(Argv[I]) == "--")
    for (++I; I < Argc && llvm::StringRef(Argv[I]) != "--run"; ++I)
      O.Flags.push_back(Argv[I]);
  if (I < Argc)
    for (++I; I < Argc; ++I)
      O.RunArgs.push_back(Argv[I]);

  if (O.Files.empty()) {
    Error.Message = "no input files (see --help)";
    return std::nullopt;
  }
  for (std::string &File : O.Files) {
    if (!llvm::sys::fs::is_regular_file(File)) {
      Error.Message = "no such file: " + File;
      return std::nullopt;
    }
    File = absolute(File);
  }
  for (auto &[In, Fixed] : FixedArgs) {
    if (!llvm::sys::fs::is_regular_file(Fixed)) {
      Error.Message = "no such file: " + Fixed;
      return std::nullopt;
    }
    std::string Input = In.empty() ? O.Files.front() : absolute(In);
    if (!llvm::is_contained(O.Files, Input)) {
      Error.Message = "--fixed names '" + In + "', which is not an input file";
      return std::nullopt;
    }
    O.Fixed.emplace_back(Input, absolute(Fixed));
  }
  return O;
}

static std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return "";
  return (*Buffer)->getBuffer().str();
}

static bool writeFile(const std::string &Path, llvm::StringRef Text) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC);
  if (EC)
    return false;
  OS << Text;
  return true;
}

static SourcePoint pointOf(const llvm::json::Object *Location) {
  SourcePoint P;
  if (!Location)
    return P;
  if (auto Path = Location->getString("path"))
    P.Path = Path->str();
  P.Line = Location->getInteger("line").value_or(0);
  P.Column = Location->getInteger("column").value_or(0);
  return P;
}

static std::optional<std::vector<Finding>> parseFindings(llvm::StringRef Text,
                                                         Failure &Error) {
  llvm::Expected<llvm::json::Value> Root = llvm::json::parse(Text);
  if (!Root) {
    Error.Message =
        "cannot read racelint's JSON: " + llvm::toString(Root.takeError());
    return std::nullopt;
  }
  std::vector<Finding> Findings;
  const llvm::json::Object *Object = Root->getAsObject();
  const llvm::json::Array *Items =
      Object ? Object->getArray("findings") : nullptr;
  if (!Items)
    return Findings;
  for (const llvm::json::Value &Item : *Items) {
    const llvm::json::Object *F = Item.getAsObject();
    if (!F)
      continue;
    Finding Out;
    Out.Rule = F->getString("rule").value_or("").str();
    Out.Level = F->getString("level").value_or("").str();
    Out.Message = F->getString("message").value_or("").str();
    Out.Where = pointOf(F->getObject("location"));
    if (const llvm::json::Array *Notes = F->getArray("notes"))
      for (const llvm::json::Value &N : *Notes) {
        const llvm::json::Object *Note = N.getAsObject();
        if (!Note)
          continue;
        Out.Notes.push_back({pointOf(Note->getObject("location")),
                             Note->getString("message").value_or("").str(),
                             Note->getBoolean("threadStart").value_or(false)});
      }
    const llvm::json::Array *Fixes = F->getArray("fixes");
    Out.HasFix = Fixes && !Fixes->empty();
    Findings.push_back(std::move(Out));
  }
  return Findings;
}

/// racelint --format=json over \p Files; status 2 is a failure.
static std::optional<std::vector<Finding>>
checkStatically(const Toolchain &Tools, const std::vector<std::string> &Files,
                const std::vector<std::string> &Flags,
                const std::string &WorkDir, Failure &Error) {
  std::vector<std::string> Argv{Tools.Racelint, "--format=json",
                                "--color=never"};
  Argv.insert(Argv.end(), Files.begin(), Files.end());
  Argv.push_back("--");
  Argv.insert(Argv.end(), Flags.begin(), Flags.end());
  CommandResult Result = runCommand(Argv, std::nullopt, WorkDir + ".json",
                                    WorkDir + ".err", /*Timeout=*/600);
  if (Result.ExitCode != 0 && Result.ExitCode != 1) {
    Error.Message = "racelint could not analyse the input (exit status " +
                    std::to_string(Result.ExitCode) + ")";
    Error.Detail = Result.Stderr;
    return std::nullopt;
  }
  return parseFindings(Result.Stdout, Error);
}

/// Where each input's copy goes: WorkDir/src/I/NAME, so two inputs with the
/// same name do not collide and each copy keeps its name.
static std::string copyPath(const std::string &WorkDir, size_t I,
                            const std::string &File) {
  llvm::SmallString<256> Dir(WorkDir);
  llvm::sys::path::append(Dir, "src", std::to_string(I));
  llvm::sys::fs::create_directories(Dir);
  llvm::sys::path::append(Dir, llvm::sys::path::filename(File));
  return Dir.str().str();
}

/// Compiler output names the copies; say the user's files instead.
static std::string mapCopies(std::string Text,
                             const std::vector<std::string> &Copies,
                             const std::vector<std::string> &Files) {
  for (size_t I = 0; I < Copies.size(); ++I) {
    size_t At;
    while ((At = Text.find(Copies[I])) != std::string::npos)
      Text.replace(At, Copies[I].size(), Files[I]);
  }
  return Text;
}

static std::vector<RunEvidence>
runMany(const Toolchain &Tools, const Options &O, const std::string &Program,
        const std::string &WorkDir, const std::string &Windows) {
  std::vector<RunEvidence> Runs;
  for (unsigned I = 1; I <= O.Runs; ++I)
    Runs.push_back(runProgram(Tools, Program, O.RunArgs,
                              WorkDir + "/run-" + std::to_string(I), Windows,
                              O.Timeout));
  return Runs;
}

/// The before build: copies with probes at each race finding's read.
static bool runBefore(const Toolchain &Tools, const Options &O,
                      const std::string &WorkDir, Session &S, Failure &Error) {
  llvm::sys::fs::create_directories(WorkDir);
  std::vector<ProbeRequest> Requests;
  for (const Finding &F : S.Findings) {
    if (!F.isRace() || F.Level == "note")
      continue;
    ProbeRequest Request;
    Request.Write = F.Where;
    // A split critical section holds its lock at the read: the window goes
    // where the lock is released, or it would only make the threads wait.
    if (const FindingNote *Release = F.releaseNote())
      Request.After = Release->Where;
    else if (const FindingNote *Read = F.readNote())
      Request.After = Read->Where;
    Requests.push_back(Request);
  }
  std::vector<std::string> Copies, Extra;
  for (size_t I = 0; I < O.Files.size(); ++I) {
    const std::string &File = O.Files[I];
    std::string Copy = copyPath(WorkDir, I, File);
    ProbedSource Probed;
    Probed.Text = readFile(File);
    if (!Requests.empty())
      Probed =
          insertProbes(File, Probed.Text, O.Flags, Requests, Tools.ResourceDir);
    if (!writeFile(Copy, Probed.Text)) {
      Error.Message = "cannot write " + Copy;
      return false;
    }
    S.Probes.insert(S.Probes.end(), Probed.Probes.begin(), Probed.Probes.end());
    Copies.push_back(Copy);
    std::string CopyDir = llvm::sys::path::parent_path(Copy).str();
    std::string FileDir = llvm::sys::path::parent_path(File).str();
    // The copy finds the original's neighbours, and its debug information
    // names the original, so TSan's stacks point at the user's file.
    Extra.insert(Extra.end(), {"-iquote", FileDir,
                               "-ffile-prefix-map=" + CopyDir + "=" + FileDir});
  }
  std::string Windows = WorkDir + "/windows";
  std::string WindowText;
  for (const Probe &P : S.Probes)
    WindowText += P.key() + "=" +
                  std::to_string(P.Kind == ProbeKind::Window ? O.WindowMs : 0) +
                  "\n";
  writeFile(Windows, WindowText);
  std::string Program = WorkDir + "/program", Diagnostics;
  if (!buildProgram(Tools, Copies, O.Flags, Extra, Program, WorkDir,
                    Diagnostics)) {
    Error.Message = "the ThreadSanitizer build of the input failed";
    Error.Detail = mapCopies(Diagnostics, Copies, O.Files);
    return false;
  }
  S.Before = runMany(Tools, O, Program, WorkDir, Windows);
  return true;
}

/// The fixed sources: the twins given with --fixed, else copies with
/// racelint's fix-its applied. Empty when there is no fix to try.
static std::vector<std::string>
fixedSources(const Toolchain &Tools, const Options &O,
             const std::string &WorkDir, Session &S,
             std::vector<std::string> &Extra, Failure &Error) {
  std::vector<std::string> Sources = O.Files;
  if (!O.Fixed.empty()) {
    std::string Names;
    for (auto &[In, Fixed] : O.Fixed) {
      *llvm::find(Sources, In) = Fixed;
      Names +=
          (Names.empty() ? "" : ", ") + llvm::sys::path::filename(Fixed).str();
    }
    S.After.Description = "the fix (" + Names + ")";
    return Sources;
  }
  if (!llvm::any_of(S.Findings, [](const Finding &F) { return F.HasFix; }))
    return {};
  std::vector<std::string> Argv{Tools.Racelint, "--fix", "--color=never"};
  for (size_t I = 0; I < O.Files.size(); ++I) {
    Sources[I] = copyPath(WorkDir, I, O.Files[I]);
    writeFile(Sources[I], readFile(O.Files[I]));
    Argv.push_back(Sources[I]);
    Extra.insert(Extra.end(),
                 {"-iquote", llvm::sys::path::parent_path(O.Files[I]).str()});
  }
  Argv.push_back("--");
  Argv.insert(Argv.end(), O.Flags.begin(), O.Flags.end());
  Argv.insert(Argv.end(), Extra.begin(), Extra.end());
  CommandResult Result = runCommand(Argv, std::nullopt, WorkDir + "/fix.out",
                                    WorkDir + "/fix.err", /*Timeout=*/600);
  if (Result.ExitCode != 0 && Result.ExitCode != 1) {
    Error.Message = "racelint --fix failed on a copy of the input";
    Error.Detail = Result.Stderr;
    return {};
  }
  S.After.Description = "racelint's fix-its";
  return Sources;
}

static bool runAfter(const Toolchain &Tools, const Options &O,
                     const std::string &WorkDir, Session &S, Failure &Error) {
  llvm::sys::fs::create_directories(WorkDir);
  std::vector<std::string> Extra;
  std::vector<std::string> Sources =
      fixedSources(Tools, O, WorkDir, S, Extra, Error);
  if (!Error.Message.empty())
    return false;
  if (Sources.empty())
    return true;
  S.After.Present = true;
  std::string Program = WorkDir + "/program", Diagnostics;
  if (!buildProgram(Tools, Sources, O.Flags, Extra, Program, WorkDir,
                    Diagnostics)) {
    Error.Message = "the ThreadSanitizer build of the fixed program failed";
    Error.Detail = Diagnostics;
    return false;
  }
  S.After.Runs = runMany(Tools, O, Program, WorkDir, "");
  std::vector<std::string> Flags = O.Flags;
  Flags.insert(Flags.end(), Extra.begin(), Extra.end());
  Failure Ignored;
  if (auto Remaining = checkStatically(Tools, Sources, Flags,
                                       WorkDir + "/recheck", Ignored)) {
    S.After.Rechecked = true;
    S.After.Remaining = std::move(*Remaining);
  }
  return true;
}

static int fail(const Failure &Error) {
  llvm::errs() << "racelint-confirm: error: " << Error.Message << "\n";
  if (!Error.Detail.empty())
    llvm::errs() << Error.Detail
                 << (llvm::StringRef(Error.Detail).ends_with("\n") ? "" : "\n");
  return 2;
}

static int confirm(const Toolchain &Tools, const Options &O,
                   const std::string &WorkDir) {
  Failure Error;
  Session S;
  S.Files = O.Files;
  S.WindowMs = O.WindowMs;
  auto Findings =
      checkStatically(Tools, O.Files, O.Flags, WorkDir + "/findings", Error);
  if (!Findings)
    return fail(Error);
  S.Findings = std::move(*Findings);
  if (!runBefore(Tools, O, WorkDir + "/before", S, Error))
    return fail(Error);
  bool AnyToFix = llvm::any_of(
      S.Findings, [](const Finding &F) { return F.Level != "note"; });
  if (AnyToFix && !runAfter(Tools, O, WorkDir + "/after", S, Error))
    return fail(Error);
  S.Verdicts = judge(S.Findings, S.Probes, S.Before, S.After);
  if (O.Json)
    printJson(llvm::outs(), S);
  else
    printText(llvm::outs(), S);
  return exitStatus(S);
}

int main(int Argc, char **Argv) {
  llvm::InitLLVM Init(Argc, Argv);
  Failure Error;
  std::optional<Options> O = parseOptions(Argc, Argv, Error);
  if (!O) {
    fail(Error);
    llvm::errs() << "usage: racelint-confirm [options] FILE... "
                    "[-- COMPILE_FLAGS] [--run ARGS...]\n";
    return 2;
  }
  std::optional<Toolchain> Tools = Toolchain::locate(Argv[0], Error.Message);
  if (!Tools)
    return fail(Error);
  llvm::SmallString<256> WorkDir;
  if (std::error_code EC =
          llvm::sys::fs::createUniqueDirectory("racelint-confirm", WorkDir)) {
    Error.Message = "cannot create a temporary folder: " + EC.message();
    return fail(Error);
  }
  int Status = confirm(*Tools, *O, WorkDir.str().str());
  if (O->Keep)
    llvm::errs() << "racelint-confirm: kept " << WorkDir << "\n";
  else
    llvm::sys::fs::remove_directories(WorkDir);
  return Status;
}
