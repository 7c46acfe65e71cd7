//===--- Checker.cpp - racelint as a LibTooling action --------------------===//
//
// The action parses like -fsyntax-only, then analyses the finished AST. The
// analysis returns findings tied to SourceLocations; they become plain data
// here while the SourceManager is still alive.
//
//===----------------------------------------------------------------------===//
#include "Checker.h"

#include "RaceAnalysis.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

namespace racelint {

RuleFilter::RuleFilter() {
  for (const RuleInfo &Info : allRules())
    Enabled[static_cast<unsigned>(Info.Id)] = true;
}

static std::string globToRegex(llvm::StringRef Glob) {
  std::string Regex = "^";
  for (char C : Glob) {
    if (C == '*')
      Regex += ".*";
    else
      Regex += llvm::Regex::escape(llvm::StringRef(&C, 1));
  }
  return Regex + "$";
}

llvm::Expected<RuleFilter> RuleFilter::parse(llvm::StringRef Globs) {
  RuleFilter Filter;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef Part : Parts) {
    Part = Part.trim();
    bool Negative = Part.consume_front("-");
    Part.consume_front("racelint-");
    llvm::Regex Pattern(globToRegex(Part));
    bool Matched = false;
    for (const RuleInfo &Info : allRules()) {
      if (!Pattern.match(Info.Name))
        continue;
      Matched = true;
      Filter.Enabled[static_cast<unsigned>(Info.Id)] = !Negative;
    }
    if (!Matched)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "unknown check '" + Part.str() +
                                         "' (see --list-checks)");
  }
  return Filter;
}

/// Compile commands may name files relative to their folder; reports leave
/// the TU with absolute paths so every later step can open the file.
static void makeAbsolute(std::string &File, llvm::StringRef WorkingDir) {
  if (File.empty())
    return;
  llvm::SmallString<256> Path(File);
  if (!llvm::sys::path::is_absolute(Path))
    llvm::sys::fs::make_absolute(WorkingDir, Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  File = Path.str().str();
}

static void makeAbsolute(Report &R, llvm::StringRef WorkingDir) {
  makeAbsolute(R.Where.File, WorkingDir);
  for (Note &N : R.Notes)
    makeAbsolute(N.Where.File, WorkingDir);
  for (Fix &F : R.Fixes)
    for (TextEdit &E : F.Edits)
      makeAbsolute(E.Where.File, WorkingDir);
}

namespace {
class CheckerConsumer : public clang::ASTConsumer {
public:
  CheckerConsumer(const CheckerOptions &Options, std::vector<Report> &Out,
                  std::vector<std::string> *UserFiles, std::string WorkingDir)
      : Options(Options), Out(Out), UserFiles(UserFiles),
        WorkingDir(std::move(WorkingDir)) {}

  void HandleTranslationUnit(clang::ASTContext &Context) override {
    if (UserFiles)
      collectUserFiles(Context.getSourceManager());
    // A TU with errors has an incomplete AST; Clang has said why already.
    // With every rule off (--checks=-*), the parse is all there is to do.
    if (Context.getDiagnostics().hasErrorOccurred() ||
        !Options.Rules.anyEnabled())
      return;
    for (Report &R : analyzeTranslationUnit(Context, Options.Hints)) {
      if (!Options.Rules.isEnabled(R.RuleId))
        continue;
      makeAbsolute(R, WorkingDir);
      Out.push_back(std::move(R));
    }
  }

private:
  void collectUserFiles(const clang::SourceManager &SM) {
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      clang::FileEntryRef File = It->first;
      clang::FileID ID = SM.translateFile(File);
      if (ID.isInvalid() || SM.isInSystemHeader(SM.getLocForStartOfFile(ID)))
        continue;
      std::string Name = File.getName().str();
      makeAbsolute(Name, WorkingDir);
      UserFiles->push_back(std::move(Name));
    }
  }

  const CheckerOptions &Options;
  std::vector<Report> &Out;
  std::vector<std::string> *UserFiles;
  std::string WorkingDir;
};

class CheckerAction : public clang::ASTFrontendAction {
public:
  CheckerAction(const CheckerOptions &Options, std::vector<Report> &Out,
                std::vector<std::string> *UserFiles)
      : Options(Options), Out(Out), UserFiles(UserFiles) {}

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &CI, llvm::StringRef) override {
    std::string WorkingDir;
    if (auto Dir = CI.getFileManager()
                       .getVirtualFileSystem()
                       .getCurrentWorkingDirectory())
      WorkingDir = *Dir;
    return std::make_unique<CheckerConsumer>(Options, Out, UserFiles,
                                             std::move(WorkingDir));
  }

private:
  const CheckerOptions &Options;
  std::vector<Report> &Out;
  std::vector<std::string> *UserFiles;
};

class CheckerActionFactory : public clang::tooling::FrontendActionFactory {
public:
  CheckerActionFactory(const CheckerOptions &Options, std::vector<Report> &Out,
                       std::vector<std::string> *UserFiles)
      : Options(Options), Out(Out), UserFiles(UserFiles) {}

  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<CheckerAction>(Options, Out, UserFiles);
  }

private:
  CheckerOptions Options;
  std::vector<Report> &Out;
  std::vector<std::string> *UserFiles;
};
} // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory>
newCheckerActionFactory(const CheckerOptions &Options, std::vector<Report> &Out,
                        std::vector<std::string> *UserFiles) {
  return std::make_unique<CheckerActionFactory>(Options, Out, UserFiles);
}

clang::tooling::ArgumentsAdjuster resourceDirAdjuster() {
  return [](const clang::tooling::CommandLineArguments &Args, llvm::StringRef) {
    for (const std::string &Arg : Args)
      if (llvm::StringRef(Arg).starts_with("-resource-dir"))
        return Args;
    clang::tooling::CommandLineArguments Adjusted = Args;
    Adjusted.insert(Adjusted.begin() + (Adjusted.empty() ? 0 : 1),
                    "-resource-dir=" RACELINT_CLANG_RESOURCE_DIR);
    return Adjusted;
  };
}

} // namespace racelint
