//===--- Finding.h - What the analysis concluded, before words --*- C++ -*-===//
//
// The analysis produces findings tied to the AST's source locations; the
// reporter (RaceReporter.cpp) is the one place that turns them into words.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_FINDING_H
#define RACELINT_FINDING_H

#include "FunctionSummary.h"
#include "Report.h"
#include "RuleCatalog.h"

#include <optional>
#include <string>

namespace clang {
class ASTContext;
}

namespace racelint {

/// The thread a side of a race runs in.
struct ThreadSide {
  /// Invalid for a root (main, or code nobody here starts as a thread).
  clang::SourceLocation StartLoc;
  const clang::FunctionDecl *Entry = nullptr;
  bool SeveralInstances = false;
  bool StartedInLoop = false;
  StartKind Kind = StartKind::StdThread;
};

struct RaceFinding {
  Rule RuleId;
  std::string Variable;
  clang::SourceLocation WriteLoc;
  const clang::Expr *WriteExpr = nullptr;
  ThreadSide WriteThread;
  bool WriteHoldsLocks = false;
  /// The write's access in the program model, for planning fixes.
  unsigned WriteAccess = 0;

  /// For read-modify-writes: the form and the read it came from.
  std::optional<UpdateForm> Form;
  clang::SourceLocation ReadLoc;
  /// For split critical sections: the lock and where it was released.
  std::string LockName;
  clang::SourceLocation ReleaseLoc;

  /// The conflicting access; the same as the write when the write races
  /// with itself in another instance of its thread.
  bool OtherIsSelf = false;
  AccessKind OtherKind = AccessKind::Write;
  std::vector<Fix> Fixes;
  clang::SourceLocation OtherLoc;
  ThreadSide OtherThread;
};

/// Turns findings into reports, in racelint's words.
std::vector<struct Report> describeFindings(const std::vector<RaceFinding> &F,
                                            clang::ASTContext &Context);

} // namespace racelint

#endif
