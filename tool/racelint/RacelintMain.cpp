//===--- RacelintMain.cpp - The racelint command line ---------------------===//
//
// racelint FILE... -- FLAGS, or racelint -p BUILD_DIR [FILE...], like
// clang-tidy. Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage
// or input error (including a file that does not compile; the other files
// are still analysed and reported).
//
// The pipeline after the analysis: configuration (checks, skip) per file,
// inline suppressions, fingerprints, the baseline, fixes, then one printer.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"
#include "Checker.h"
#include "Config.h"
#include "Fingerprint.h"
#include "FixApplier.h"
#include "JsonOutput.h"
#include "LintRun.h"
#include "ParallelRun.h"
#include "SarifOutput.h"
#include "Suppressions.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

#include <set>

using namespace racelint;
namespace cl = llvm::cl;

static cl::OptionCategory RacelintCategory("racelint options");

static cl::opt<std::string>
    ChecksOption("checks",
                 cl::desc("Comma-separated globs of rules to run, later "
                          "globs win (e.g. '-*,unsynchronized-rmw')"),
                 cl::value_desc("globs"), cl::init("*"),
                 cl::cat(RacelintCategory));

static cl::opt<bool> ListChecks("list-checks",
                                cl::desc("List the rules and exit"),
                                cl::cat(RacelintCategory));

enum class ColorMode { Auto, Always, Never };

/// LLVM registers a boolean --color of its own; racelint's takes
/// auto|always|never like clang-tidy's users expect, so it replaces LLVM's.
static cl::opt<ColorMode> &colorOption() {
  if (cl::Option *LLVMColor = cl::getRegisteredOptions().lookup("color"))
    LLVMColor->removeArgument();
  static cl::opt<ColorMode> Color(
      "color", cl::desc("Colour the text output"), cl::init(ColorMode::Auto),
      cl::values(
          clEnumValN(ColorMode::Auto, "auto", "when stdout is a terminal"),
          clEnumValN(ColorMode::Always, "always", "always"),
          clEnumValN(ColorMode::Never, "never", "never")),
      cl::cat(RacelintCategory));
  return Color;
}

enum class OutputFormat { Text, Json, Sarif };

static cl::opt<OutputFormat> FormatOption(
    "format", cl::desc("Output format"), cl::init(OutputFormat::Text),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "Clang-style diagnostics"),
               clEnumValN(OutputFormat::Json, "json",
                          "racelint's JSON (docs/formats.md)"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0")),
    cl::cat(RacelintCategory));

static cl::opt<std::string>
    OutputPath("o", cl::desc("Write the findings to <file> instead of stdout"),
               cl::value_desc("file"), cl::cat(RacelintCategory));

static cl::opt<std::string> SrcRootOption(
    "srcroot",
    cl::desc("Folder SARIF and JSON paths are relative to (%SRCROOT%); "
             "default: the current folder"),
    cl::value_desc("dir"), cl::cat(RacelintCategory));

static cl::opt<Severity> FailOn(
    "fail-on",
    cl::desc("Exit with status 1 on findings at or above this level "
             "(default: warning)"),
    cl::init(Severity::Warning),
    cl::values(clEnumValN(Severity::Note, "note", "any finding"),
               clEnumValN(Severity::Warning, "warning", "warnings and errors"),
               clEnumValN(Severity::Error, "error", "errors only")),
    cl::cat(RacelintCategory));

static cl::opt<bool> ReportUnusedSuppressions(
    "report-unused-suppressions",
    cl::desc("Report suppression comments that suppress no finding"),
    cl::cat(RacelintCategory));

static cl::opt<std::string>
    BaselinePath("baseline",
                 cl::desc("Report only findings not recorded in <file>"),
                 cl::value_desc("file"), cl::cat(RacelintCategory));

static cl::opt<std::string>
    WriteBaselinePath("write-baseline",
                      cl::desc("Record the current findings in <file>"),
                      cl::value_desc("file"), cl::cat(RacelintCategory));

static cl::opt<unsigned>
    Jobs("j",
         cl::desc("Translation units analysed at once (default: all cores)"),
         cl::value_desc("N"), cl::init(0), cl::cat(RacelintCategory));

static cl::opt<bool> ApplyFixes("fix",
                                cl::desc("Apply the fix-its to the files"),
                                cl::cat(RacelintCategory));

static cl::opt<bool> PreferAtomicFix(
    "prefer-atomic-fix",
    cl::desc("With --fix or --export-fixes, take a finding's atomic "
             "alternative, where it has one, instead of its locked fix"),
    cl::cat(RacelintCategory));

static cl::opt<std::string> ExportFixesPath(
    "export-fixes",
    cl::desc("Write the fix-its to <file> as clang-apply-replacements YAML"),
    cl::value_desc("file"), cl::cat(RacelintCategory));

static constexpr int ExitClean = 0;
static constexpr int ExitFindings = 1;
static constexpr int ExitError = 2;

static int fail(const llvm::Twine &Message) {
  llvm::WithColor::error(llvm::errs(), "racelint") << Message << '\n';
  return ExitError;
}

static void printVersion(llvm::raw_ostream &OS) {
  OS << "racelint " << RACELINT_VERSION << " (built with Clang "
     << LLVM_VERSION_STRING << ")\n";
}

static void listChecks() {
  for (const RuleInfo &Info : allRules())
    llvm::outs() << Info.Name << "\n    " << Info.Summary << '\n';
}

/// Rejects paths that cannot be a source file, each with one clear line.
static std::optional<std::string>
checkSourcePaths(const std::vector<std::string> &Paths) {
  for (const std::string &Path : Paths) {
    llvm::sys::fs::file_status Status;
    if (llvm::sys::fs::status(Path, Status))
      return "no such file: '" + Path + "'";
    if (llvm::sys::fs::is_directory(Status))
      return "'" + Path + "' is a directory, not a source file";
  }
  return std::nullopt;
}

static cl::opt<std::string>
    BuildPath("p", cl::desc("Build folder holding compile_commands.json"),
              cl::value_desc("build-dir"), cl::Optional,
              cl::cat(RacelintCategory));

static cl::list<std::string> SourcePaths(cl::Positional,
                                         cl::desc("[<file> ...]"),
                                         cl::cat(RacelintCategory));

/// Set once the options (not the compile flags) parsed.
static bool CommandLineParsed = false;

/// The compile commands: flags after "--", else -p's database, else one
/// found next to the first file, else no flags at all (with a warning).
static std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompilations(int &Argc, const char **Argv, std::string &Error) {
  using namespace clang::tooling;
  std::unique_ptr<CompilationDatabase> FromDashDash =
      FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, Error);
  if (!Error.empty()) {
    llvm::StringRef Reason = llvm::StringRef(Error).trim();
    Reason.consume_front("error: ");
    Error = "bad compile flags after '--': " + Reason.str();
    return nullptr;
  }
  if (!cl::ParseCommandLineOptions(
          Argc, Argv,
          "racelint: finds data races and thread-lifetime bugs in C and "
          "C++.\n",
          &llvm::errs())) {
    Error = "invalid arguments (see --help)";
    return nullptr;
  }
  CommandLineParsed = true;
  if (FromDashDash)
    return FromDashDash;
  if (!BuildPath.empty()) {
    // The folder given, not one above it: -p names one build exactly.
    llvm::SmallString<256> File(BuildPath);
    llvm::sys::path::append(File, "compile_commands.json");
    if (!llvm::sys::fs::exists(File)) {
      Error = "no compile_commands.json in '" + BuildPath + "'";
      return nullptr;
    }
    auto Database = JSONCompilationDatabase::loadFromFile(
        File, Error, JSONCommandLineSyntax::AutoDetect);
    if (!Database)
      Error = "cannot read '" + File.str().str() +
              "': " + llvm::StringRef(Error).trim().str();
    return Database;
  }
  if (SourcePaths.empty()) {
    Error = "no input files (give files, or -p with a build folder)";
    return nullptr;
  }
  std::string Ignored;
  if (auto Database =
          CompilationDatabase::autoDetectFromSource(SourcePaths[0], Ignored))
    return Database;
  llvm::WithColor::warning(llvm::errs(), "racelint")
      << "no compilation database found for '" << SourcePaths[0]
      << "'; analysing without flags (add -- FLAGS or -p BUILD_DIR)\n";
  return std::make_unique<FixedCompilationDatabase>(".",
                                                    std::vector<std::string>());
}

static std::string absolutePath(llvm::StringRef Path) {
  llvm::SmallString<256> Absolute(Path);
  llvm::sys::fs::make_absolute(Absolute);
  llvm::sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return Absolute.str().str();
}

/// The rules on for a file governed by \p Config: its checks, then the
/// command line's, so --checks has the last word.
static llvm::Expected<RuleFilter> rulesFor(const ProjectConfig *Config) {
  std::string Globs;
  if (Config && Config->Checks)
    Globs = *Config->Checks;
  if (ChecksOption.getNumOccurrences() > 0)
    Globs += "," + ChecksOption;
  return RuleFilter::parse(Globs);
}

/// Drops the reports that configuration turns off or skips, and those an
/// inline comment suppresses.
static llvm::Error filterReports(std::vector<Report> &Reports,
                                 ConfigFinder &Configs,
                                 SuppressionIndex &Suppressions) {
  std::vector<Report> Kept;
  for (Report &R : Reports) {
    llvm::Expected<const ProjectConfig *> Config = Configs.find(R.Where.File);
    if (!Config)
      return Config.takeError();
    if (*Config && (*Config)->skips(R.Where.File))
      continue;
    llvm::Expected<RuleFilter> Rules = rulesFor(*Config);
    if (!Rules)
      return Rules.takeError();
    if (!Rules->isEnabled(R.RuleId) || Suppressions.suppresses(R))
      continue;
    Kept.push_back(std::move(R));
  }
  Reports = std::move(Kept);
  return llvm::Error::success();
}

static bool failsRun(Severity Level) { return Level >= FailOn; }

static void printRun(llvm::raw_ostream &OS, const LintRun &Run,
                     TextStyle Style) {
  switch (FormatOption) {
  case OutputFormat::Json:
    printJson(OS, Run);
    return;
  case OutputFormat::Sarif:
    printSarif(OS, Run);
    return;
  case OutputFormat::Text:
    printText(OS, Run.Reports, Style);
    for (const UnusedSuppression &U : Run.UnusedSuppressions)
      printTextDiagnostic(
          OS, U.Where, Severity::Warning,
          U.message() + " [" + UnusedSuppressionRule.str() + "]", Style);
    if (!Run.UnusedSuppressions.empty())
      OS << Run.UnusedSuppressions.size()
         << (Run.UnusedSuppressions.size() == 1 ? " unused suppression"
                                                : " unused suppressions")
         << " reported.\n";
    if (Run.BaselineMatches > 0)
      OS << Run.BaselineMatches
         << (Run.BaselineMatches == 1 ? " finding" : " findings")
         << " in the baseline not shown.\n";
    return;
  }
  llvm_unreachable("unknown output format");
}

int main(int Argc, const char **Argv) {
  cl::SetVersionPrinter(printVersion);
  cl::opt<ColorMode> &ColorOption = colorOption();
  cl::HideUnrelatedOptions(RacelintCategory);

  std::string DatabaseError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Compilations =
      loadCompilations(Argc, Argv, DatabaseError);

  // A bad option fails even with --list-checks, so a typo is never silent.
  if (!Compilations && !CommandLineParsed)
    return fail(DatabaseError);
  if (ListChecks) {
    listChecks();
    return ExitClean;
  }
  if (!Compilations)
    return fail(DatabaseError);

  auto Rules = RuleFilter::parse(ChecksOption);
  if (!Rules)
    return fail(llvm::toString(Rules.takeError()));

  // Everything that can be wrong with the command line fails before the
  // analysis starts: the output file, the baseline.
  std::unique_ptr<llvm::raw_fd_ostream> OutputFile;
  if (!OutputPath.empty()) {
    std::error_code EC;
    OutputFile = std::make_unique<llvm::raw_fd_ostream>(OutputPath, EC,
                                                        llvm::sys::fs::OF_Text);
    if (EC)
      return fail("cannot write '" + OutputPath + "': " + EC.message());
  }
  std::optional<Baseline> Accepted;
  if (!BaselinePath.empty()) {
    llvm::Expected<Baseline> Read = Baseline::read(BaselinePath);
    if (!Read)
      return fail(llvm::toString(Read.takeError()));
    Accepted = std::move(*Read);
  }

  std::vector<std::string> Sources(SourcePaths.begin(), SourcePaths.end());
  if (Sources.empty())
    Sources = Compilations->getAllFiles();
  if (Sources.empty())
    return fail(BuildPath.empty()
                    ? "no input files (give files, or -p with a build folder)"
                    : "no input files: '" + BuildPath +
                          "/compile_commands.json' lists none");
  if (auto Problem = checkSourcePaths(Sources))
    return fail(*Problem);

  // Each file's configuration: the rules and hints its TU runs with, or
  // nothing at all when it lies in a skipped path.
  ConfigFinder Configs;
  std::vector<std::string> ToAnalyse;
  std::vector<CheckerOptions> TUOptions;
  for (const std::string &Source : Sources) {
    llvm::Expected<const ProjectConfig *> Config =
        Configs.find(absolutePath(Source));
    if (!Config)
      return fail(llvm::toString(Config.takeError()));
    if (*Config && (*Config)->skips(absolutePath(Source)))
      continue;
    CheckerOptions Options{*Rules};
    if (*Config)
      Options.Hints = (*Config)->Hints;
    ToAnalyse.push_back(Source);
    TUOptions.push_back(std::move(Options));
  }

  ParallelRunOptions RunOptions;
  RunOptions.Jobs = Jobs;
  RunOptions.ShowProgress = llvm::sys::Process::StandardErrIsDisplayed();
  std::vector<TUResult> Results =
      analyzeFiles(*Compilations, ToAnalyse, TUOptions, RunOptions);

  LintRun Run;
  Run.SrcRoot = absolutePath(SrcRootOption.empty() ? std::string(".")
                                                   : SrcRootOption.getValue());
  std::set<std::string> UserFiles;
  for (size_t I = 0; I < Results.size(); ++I) {
    TUResult &Result = Results[I];
    llvm::errs() << Result.Diagnostics;
    if (Result.Failed)
      Run.Errors.push_back({absolutePath(ToAnalyse[I]),
                            "the file could not be analysed: it does not "
                            "compile, or its compile command is invalid"});
    UserFiles.insert(Result.UserFiles.begin(), Result.UserFiles.end());
    std::move(Result.Reports.begin(), Result.Reports.end(),
              std::back_inserter(Run.Reports));
  }

  SuppressionIndex Suppressions;
  if (llvm::Error Err = filterReports(Run.Reports, Configs, Suppressions))
    return fail(llvm::toString(std::move(Err)));
  sortAndDeduplicate(Run.Reports);
  Run.Fingerprints = computeFingerprints(Run.Reports, Run.SrcRoot);

  if (ReportUnusedSuppressions) {
    std::vector<std::string> Scanned;
    for (const std::string &File : UserFiles) {
      llvm::Expected<const ProjectConfig *> Config = Configs.find(File);
      if (!Config)
        return fail(llvm::toString(Config.takeError()));
      if (!*Config || !(*Config)->skips(File))
        Scanned.push_back(File);
    }
    Run.UnusedSuppressions = Suppressions.unused(Scanned);
  }

  if (!WriteBaselinePath.empty())
    if (llvm::Error Err = Baseline::write(WriteBaselinePath, Run))
      return fail(llvm::toString(std::move(Err)));
  if (Accepted) {
    LintRun New;
    for (size_t I = 0; I < Run.Reports.size(); ++I) {
      if (Accepted->contains(Run.Fingerprints[I])) {
        ++Run.BaselineMatches;
        continue;
      }
      New.Reports.push_back(std::move(Run.Reports[I]));
      New.Fingerprints.push_back(std::move(Run.Fingerprints[I]));
    }
    Run.Reports = std::move(New.Reports);
    Run.Fingerprints = std::move(New.Fingerprints);
  }

  if (ApplyFixes || !ExportFixesPath.empty()) {
    FixApplier Fixes(PreferAtomicFix);
    for (const Report &R : Run.Reports)
      Fixes.add(R);
    if (!ExportFixesPath.empty())
      if (llvm::Error Err = Fixes.exportYaml(
              ExportFixesPath, ToAnalyse.empty() ? "" : ToAnalyse.front()))
        return fail(llvm::toString(std::move(Err)));
    if (ApplyFixes) {
      if (llvm::Error Err = Fixes.applyToFiles())
        return fail(llvm::toString(std::move(Err)));
      llvm::errs() << "racelint: applied " << Fixes.taken()
                   << (Fixes.taken() == 1 ? " fix" : " fixes");
      if (Fixes.conflicting() > 0)
        llvm::errs() << "; left out " << Fixes.conflicting()
                     << " that overlapped another";
      llvm::errs() << '\n';
    }
  }

  llvm::raw_ostream &OS = OutputFile ? *OutputFile : llvm::outs();
  TextStyle Style;
  Style.Color = ColorOption == ColorMode::Always ||
                (ColorOption == ColorMode::Auto && !OutputFile &&
                 llvm::sys::Process::StandardOutIsDisplayed());
  printRun(OS, Run, Style);
  OS.flush();
  if (OutputFile) {
    OutputFile->close();
    if (OutputFile->has_error()) {
      std::error_code EC = OutputFile->error();
      OutputFile->clear_error();
      return fail("cannot write '" + OutputPath + "': " + EC.message());
    }
  }

  if (!Run.Errors.empty())
    return fail("some files could not be analysed (see the errors above)");
  bool Failing =
      llvm::any_of(Run.Reports,
                   [](const Report &R) { return failsRun(R.Level); }) ||
      (!Run.UnusedSuppressions.empty() && failsRun(Severity::Warning));
  return Failing ? ExitFindings : ExitClean;
}
