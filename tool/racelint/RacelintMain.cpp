//===--- RacelintMain.cpp - The racelint command line ---------------------===//
//
// racelint FILE... -- FLAGS, or racelint -p BUILD_DIR [FILE...], like
// clang-tidy. Exit status: 0 clean, 1 findings, 2 usage or input error
// (including a file that does not compile).
//
//===----------------------------------------------------------------------===//
#include "Checker.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"

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
      Error = "cannot read '" + File.str().str() + "': " +
              llvm::StringRef(Error).trim().str();
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

int main(int Argc, const char **Argv) {
  cl::SetVersionPrinter(printVersion);
  cl::opt<ColorMode> &ColorOption = colorOption();
  cl::HideUnrelatedOptions(RacelintCategory);

  std::string DatabaseError;
  std::unique_ptr<clang::tooling::CompilationDatabase> Compilations =
      loadCompilations(Argc, Argv, DatabaseError);

  if (ListChecks) {
    listChecks();
    return ExitClean;
  }
  if (!Compilations)
    return fail(DatabaseError);

  auto Rules = RuleFilter::parse(ChecksOption);
  if (!Rules)
    return fail(llvm::toString(Rules.takeError()));

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

  clang::tooling::ClangTool Tool(*Compilations, Sources);
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());

  // Counts errors from the driver as well as the compiler: a flag Clang
  // rejects must fail the run, not analyse nothing and report success.
  clang::TextDiagnosticPrinter Printer(llvm::errs(),
                                      new clang::DiagnosticOptions());
  Tool.setDiagnosticConsumer(&Printer);

  CheckerOptions Options{*Rules};
  std::vector<Report> Reports;
  int ToolStatus = Tool.run(newCheckerActionFactory(Options, Reports).get());
  if (Printer.getNumErrors() > 0)
    ToolStatus = 1;

  sortAndDeduplicate(Reports);
  TextStyle Style;
  Style.Color = ColorOption == ColorMode::Always ||
                (ColorOption == ColorMode::Auto &&
                 llvm::sys::Process::StandardOutIsDisplayed());
  printText(llvm::outs(), Reports, Style);
  llvm::outs().flush();

  if (ToolStatus != 0)
    return fail("some files could not be analysed (see the errors above)");
  return Reports.empty() ? ExitClean : ExitFindings;
}
