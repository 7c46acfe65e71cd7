//===--- Checker.h - racelint as a LibTooling action ------------*- C++ -*-===//
//
// Glue between ClangTool and the analysis: for every translation unit, run
// the analysis once the AST is complete and hand back plain-data reports.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_CHECKER_H
#define RACELINT_CHECKER_H

#include "Config.h"
#include "Report.h"

#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Error.h"

#include <bitset>
#include <memory>
#include <vector>

namespace racelint {

/// Which rules are on, from a clang-tidy style glob list ("-*,data-race").
class RuleFilter {
public:
  /// All rules on.
  RuleFilter();

  /// Applies \p Globs left to right; a later glob wins. Fails on a glob that
  /// names no rule, so a typo does not silently disable checking.
  static llvm::Expected<RuleFilter> parse(llvm::StringRef Globs);

  bool isEnabled(Rule R) const { return Enabled[static_cast<unsigned>(R)]; }
  bool anyEnabled() const { return Enabled.any(); }

private:
  std::bitset<32> Enabled;
};

struct CheckerOptions {
  RuleFilter Rules;
  /// From the .racelint.yaml governing the TU's main file.
  AnalysisHints Hints;
};

/// Creates the per-TU action; reports land in \p Out (unsorted), with
/// absolute paths. When \p UserFiles is given, the absolute path of every
/// file the TU read outside system headers is appended to it.
std::unique_ptr<clang::tooling::FrontendActionFactory>
newCheckerActionFactory(const CheckerOptions &Options, std::vector<Report> &Out,
                        std::vector<std::string> *UserFiles = nullptr);

/// The arguments every compile gets: racelint finds Clang's builtin headers
/// where the configured clang keeps them, not next to its own binary.
clang::tooling::ArgumentsAdjuster resourceDirAdjuster();

} // namespace racelint

#endif
