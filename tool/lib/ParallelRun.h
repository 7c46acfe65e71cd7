//===--- ParallelRun.h - Analyse many TUs at once ---------------*- C++ -*-===//
//
// racelint -p build -j N: each file gets a ClangTool of its own on a thread
// pool, so TUs run side by side and LibTooling's "[1/N] Processing file"
// lines never appear. Each TU's results, Clang's diagnostics included, are
// kept apart and handed back in input order, so the output does not depend
// on N or on which TU finished first.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_PARALLELRUN_H
#define RACELINT_PARALLELRUN_H

#include "Checker.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <string>
#include <vector>

namespace racelint {

/// What analysing one source file produced.
struct TUResult {
  std::vector<Report> Reports;
  /// Absolute paths of the files it read outside system headers.
  std::vector<std::string> UserFiles;
  /// Clang's diagnostics for the TU, as text.
  std::string Diagnostics;
  /// It did not compile, or the driver rejected its command.
  bool Failed = false;
};

struct ParallelRunOptions {
  /// Worker threads; 0 means one per core.
  unsigned Jobs = 0;
  /// Show "[k/N] files analysed" on stderr once the run takes a while.
  bool ShowProgress = false;
};

/// Analyses Files[I] with Options[I]; result I belongs to Files[I].
std::vector<TUResult>
analyzeFiles(const clang::tooling::CompilationDatabase &Compilations,
             const std::vector<std::string> &Files,
             const std::vector<CheckerOptions> &Options,
             ParallelRunOptions RunOptions);

} // namespace racelint

#endif
