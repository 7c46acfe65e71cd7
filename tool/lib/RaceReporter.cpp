//===--- RaceReporter.cpp - racelint's words for race findings ------------===//
//
// All wording of the race rules lives here: a fact first, names quoted,
// lower case, no trailing period; a note at each related place.
//
//===----------------------------------------------------------------------===//
#include "Finding.h"
#include "Report.h"
#include "SourcePoints.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace racelint {

namespace {
class RaceReporter {
public:
  explicit RaceReporter(ASTContext &Context)
      : Context(Context), SM(Context.getSourceManager()) {}

  std::optional<Report> describe(const RaceFinding &F);

private:
  SourcePoint point(SourceLocation Loc) const;
  unsigned line(SourceLocation Loc) const {
    return SM.getPresumedLineNumber(SM.getFileLoc(Loc));
  }
  std::string entryName(const FunctionDecl *FD) const;
  std::string headline(const RaceFinding &F) const;
  /// A note, and a step of thread \p Thread (0: the write's, 1: the other
  /// access's) when it is one.
  void addNote(Report &R, SourceLocation Loc, std::string Message,
               std::optional<unsigned> Thread, bool ThreadStart = false) const {
    if (!Loc.isValid())
      return;
    Note N{point(Loc), std::move(Message)};
    N.ThreadStart = ThreadStart;
    N.Thread = Thread;
    R.Notes.push_back(std::move(N));
  }
  void addThreadNote(Report &R, const ThreadSide &Side, unsigned Thread) const;
  void addOtherAccessNote(Report &R, const RaceFinding &F) const;

  ASTContext &Context;
  const SourceManager &SM;
};
} // namespace

SourcePoint RaceReporter::point(SourceLocation Loc) const {
  return sourcePoint(SM, Loc);
}

std::string RaceReporter::entryName(const FunctionDecl *FD) const {
  if (!FD)
    return "an unknown function";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "the lambda at line " + std::to_string(line(MD->getLocation()));
  return "'" + FD->getQualifiedNameAsString() + "'";
}

static StringRef updateVerb(UpdateForm Form) {
  switch (Form) {
  case UpdateForm::Increment:
    return "incremented";
  case UpdateForm::Decrement:
    return "decremented";
  case UpdateForm::Compound:
    return "read, modified and written back";
  case UpdateForm::Recomputed:
  case UpdateForm::AtomicSplit:
    return "updated";
  }
  llvm_unreachable("unknown update form");
}

std::string RaceReporter::headline(const RaceFinding &F) const {
  std::string Var = "'" + F.Variable + "'";
  switch (F.RuleId) {
  case Rule::UnsynchronizedRMW:
    if (*F.Form == UpdateForm::AtomicSplit)
      return Var + " is updated by an atomic load at line " +
             std::to_string(line(F.ReadLoc)) +
             " and a separate atomic store; concurrent threads lose updates "
             "in between";
    if (*F.Form == UpdateForm::Recomputed)
      return Var + " is updated from a value read at line " +
             std::to_string(line(F.ReadLoc)) +
             " without a lock; concurrent threads lose updates";
    return Var + " is " + updateVerb(*F.Form).str() +
           " without a lock; concurrent threads lose updates";
  case Rule::SplitCriticalSection:
    return Var + " is written under '" + F.LockName +
           "', but the lock was released after " + Var + " was read at line " +
           std::to_string(line(F.ReadLoc)) +
           "; an update made in between is lost";
  case Rule::DataRace:
    return Var + " is written while another thread may " +
           (F.OtherKind == AccessKind::Read ? "read" : "write") +
           " it, with no lock held in common";
  case Rule::DaemonThread:
  case Rule::JoinableThreadDestroyed:
  case Rule::LockNotReleased:
  case Rule::LockOrderInversion:
  case Rule::LockHeldAcrossBlockingCall:
    break;
  }
  llvm_unreachable("not a race rule");
}

void RaceReporter::addThreadNote(Report &R, const ThreadSide &Side,
                                 unsigned Thread) const {
  if (Side.StartLoc.isInvalid())
    return;
  std::string Entry = entryName(Side.Entry);
  if (Side.StartedInLoop)
    addNote(R, Side.StartLoc,
            "several threads run " + Entry + " at once, started here in a loop",
            Thread, /*ThreadStart=*/true);
  else if (Side.SeveralInstances)
    addNote(R, Side.StartLoc,
            "several threads run " + Entry + " at once, started here", Thread,
            /*ThreadStart=*/true);
  else
    addNote(R, Side.StartLoc, "a thread running " + Entry + " is started here",
            Thread, /*ThreadStart=*/true);
}

void RaceReporter::addOtherAccessNote(Report &R, const RaceFinding &F) const {
  // The same code in another thread: where that thread starts says it all.
  if (F.OtherIsSelf) {
    if (F.OtherThread.StartLoc != F.WriteThread.StartLoc)
      addThreadNote(R, F.OtherThread, 1);
    return;
  }
  std::string Kind = F.OtherKind == AccessKind::Read ? "conflicting read"
                                                     : "conflicting write";
  if (F.OtherThread.StartLoc.isInvalid()) {
    addNote(R, F.OtherLoc,
            Kind + " in " + entryName(F.OtherThread.Entry) +
                " here, while the thread is running",
            1);
    return;
  }
  addNote(R, F.OtherLoc, Kind + " in another thread here", 1);
  if (F.OtherThread.StartLoc != F.WriteThread.StartLoc)
    addThreadNote(R, F.OtherThread, 1);
}

std::optional<Report> RaceReporter::describe(const RaceFinding &F) {
  if (F.WriteLoc.isInvalid() || SM.isInSystemHeader(SM.getFileLoc(F.WriteLoc)))
    return std::nullopt;
  Report R;
  R.RuleId = F.RuleId;
  R.Level = Severity::Warning;
  R.Where = point(F.WriteLoc);
  R.Message = headline(F);
  R.Fixes = F.Fixes;
  std::string Var = "'" + F.Variable + "'";
  bool SeparateRead = F.Form && (*F.Form == UpdateForm::Recomputed ||
                                 *F.Form == UpdateForm::AtomicSplit);
  if (SeparateRead)
    addNote(R, F.ReadLoc, Var + " is read here", 0);
  if (F.RuleId == Rule::SplitCriticalSection)
    addNote(R, F.ReleaseLoc, "'" + F.LockName + "' is released here", 0);
  if (F.Form && *F.Form == UpdateForm::AtomicSplit)
    addNote(R, F.WriteLoc,
            "make the update one atomic operation: fetch_add or fetch_sub, "
            "or a compare-exchange loop",
            std::nullopt);
  addThreadNote(R, F.WriteThread, 0);
  addOtherAccessNote(R, F);
  return R;
}

std::vector<Report> describeFindings(const std::vector<RaceFinding> &Findings,
                                     ASTContext &Context) {
  RaceReporter Reporter(Context);
  std::vector<Report> Reports;
  for (const RaceFinding &F : Findings)
    if (std::optional<Report> R = Reporter.describe(F))
      Reports.push_back(std::move(*R));
  return Reports;
}

} // namespace racelint
