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
#include "llvm/Support/Regex.h"

namespace racelint {

RuleFilter::RuleFilter() { Enabled.set(); }

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

namespace {
class CheckerConsumer : public clang::ASTConsumer {
public:
  CheckerConsumer(const CheckerOptions &Options, std::vector<Report> &Out)
      : Options(Options), Out(Out) {}

  void HandleTranslationUnit(clang::ASTContext &Context) override {
    // A TU with errors has an incomplete AST; Clang has said why already.
    if (Context.getDiagnostics().hasErrorOccurred())
      return;
    for (Report &R : analyzeTranslationUnit(Context))
      if (Options.Rules.isEnabled(R.RuleId))
        Out.push_back(std::move(R));
  }

private:
  const CheckerOptions &Options;
  std::vector<Report> &Out;
};

class CheckerAction : public clang::ASTFrontendAction {
public:
  CheckerAction(const CheckerOptions &Options, std::vector<Report> &Out)
      : Options(Options), Out(Out) {}

  std::unique_ptr<clang::ASTConsumer>
  CreateASTConsumer(clang::CompilerInstance &, llvm::StringRef) override {
    return std::make_unique<CheckerConsumer>(Options, Out);
  }

private:
  const CheckerOptions &Options;
  std::vector<Report> &Out;
};

class CheckerActionFactory : public clang::tooling::FrontendActionFactory {
public:
  CheckerActionFactory(const CheckerOptions &Options, std::vector<Report> &Out)
      : Options(Options), Out(Out) {}

  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<CheckerAction>(Options, Out);
  }

private:
  CheckerOptions Options;
  std::vector<Report> &Out;
};
} // namespace

std::unique_ptr<clang::tooling::FrontendActionFactory>
newCheckerActionFactory(const CheckerOptions &Options,
                        std::vector<Report> &Out) {
  return std::make_unique<CheckerActionFactory>(Options, Out);
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
