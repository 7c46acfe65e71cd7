//===--- RaceAnalysis.h - Races and lifetimes of one TU ---------*- C++ -*-===//
//
// The entry point of the analysis: thread model, per-function summaries,
// composition per thread context, race pairs, rules.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_RACEANALYSIS_H
#define RACELINT_RACEANALYSIS_H

#include "Config.h"
#include "Report.h"

#include <vector>

namespace clang {
class ASTContext;
}

namespace racelint {

/// Analyses the whole translation unit in \p Context and returns its reports,
/// unsorted, for code outside system headers. \p Hints name the project's
/// own lock and thread-start functions, and its single-threaded functions.
std::vector<Report> analyzeTranslationUnit(clang::ASTContext &Context,
                                           const AnalysisHints &Hints = {});

} // namespace racelint

#endif
