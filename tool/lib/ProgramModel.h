//===--- ProgramModel.h - Everything the rules look at, per TU --*- C++ -*-===//
//
// Built once per translation unit and shared by every rule family: the
// user's function definitions, their summaries, the roots of the program,
// and the thread contexts composed from those roots. Rule families read it;
// none of them builds a thread model of its own.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_PROGRAMMODEL_H
#define RACELINT_PROGRAMMODEL_H

#include "Config.h"
#include "FunctionSummary.h"
#include "Report.h"
#include "ThreadContexts.h"

#include <vector>

namespace racelint {

class ProgramModel {
public:
  ProgramModel(clang::ASTContext &Context, const AnalysisHints &Hints = {});

  clang::ASTContext &Context;
  SummaryCache Summaries;
  /// Function definitions of the user's code, in source order.
  std::vector<const clang::FunctionDecl *> Functions;
  /// main, and whatever nobody in this TU calls or starts as a thread.
  std::vector<const clang::FunctionDecl *> Roots;
  ThreadContexts Threads;
};

/// unsynchronized-rmw, data-race, split-critical-section.
std::vector<Report> checkRaces(const ProgramModel &Model);

} // namespace racelint

#endif
