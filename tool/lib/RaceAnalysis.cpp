//===--- RaceAnalysis.cpp - Races and lifetimes of one TU -----------------===//
//
// Summaries for every function of the user's code, composition from the
// roots, then pairs: per location, every two accesses that may run at the
// same time, at least one a write. The write of each pair is classified:
// a lost update (unsynchronized-rmw), an update whose critical section is
// split (split-critical-section), or a plain data-race.
//
//===----------------------------------------------------------------------===//
#include "RaceAnalysis.h"

#include "AtomicFix.h"
#include "Finding.h"
#include "LockDiscipline.h"
#include "ProgramModel.h"
#include "RaceFixes.h"
#include "ThreadLifetimes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <map>

using namespace clang;

namespace racelint {

namespace {

/// Every function definition of the user's code, in source order.
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(ASTContext &Context) : Context(Context) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isThisDeclarationADefinition() && isAnalysable(FD, Context))
      Functions.push_back(FD);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;

private:
  ASTContext &Context;
};

/// What a write conflicts with, found while pairing.
struct Conflicts {
  std::optional<unsigned> ConcurrentWrite;
  std::optional<unsigned> UnprotectedWrite;
  std::optional<unsigned> UnprotectedRead;
};

class RacePairing {
public:
  RacePairing(const ThreadContexts &Threads) : Threads(Threads) {}

  std::vector<RaceFinding> run();

private:
  void pairLocation(llvm::ArrayRef<unsigned> Group);
  void note(unsigned Write, unsigned Other);
  std::optional<RaceFinding> classify(unsigned Write) const;
  ThreadSide sideOf(unsigned Context) const;
  RaceFinding base(Rule R, unsigned Write, unsigned Other) const;

  const ThreadContexts &Threads;
  llvm::DenseMap<unsigned, Conflicts> ByWrite;
};

static bool isWrite(const ResolvedAccess &A) {
  return A.Source->Kind == AccessKind::Write;
}

void RacePairing::note(unsigned Write, unsigned Other) {
  const auto &All = Threads.accesses();
  Conflicts &C = ByWrite[Write];
  const ResolvedAccess &W = All[Write];
  const ResolvedAccess &X = All[Other];
  if (isWrite(X) && !C.ConcurrentWrite)
    C.ConcurrentWrite = Other;
  bool BothAtomic = W.Source->Atomic && X.Source->Atomic;
  if (BothAtomic || excludeEachOther(W.Locks, X.Locks))
    return;
  std::optional<unsigned> &Unprotected =
      isWrite(X) ? C.UnprotectedWrite : C.UnprotectedRead;
  if (!Unprotected)
    Unprotected = Other;
}

void RacePairing::pairLocation(llvm::ArrayRef<unsigned> Group) {
  const auto &All = Threads.accesses();
  // Beyond this many accesses to one location the pairs cost more than
  // they tell: the first ones found already name the problem.
  constexpr size_t MaxGroup = 4096;
  size_t N = std::min(Group.size(), MaxGroup);
  for (size_t I = 0; I < N; ++I) {
    const ResolvedAccess &A = All[Group[I]];
    for (size_t J = I; J < N; ++J) {
      const ResolvedAccess &B = All[Group[J]];
      if (!isWrite(A) && !isWrite(B))
        continue;
      if (A.Path.distinctFrom(B.Path) || !Threads.mayRunConcurrently(A, B))
        continue;
      if (isWrite(A))
        note(Group[I], Group[J]);
      if (isWrite(B) && I != J)
        note(Group[J], Group[I]);
    }
  }
}

ThreadSide RacePairing::sideOf(unsigned Context) const {
  const ThreadContext &C = Threads.contexts()[Context];
  ThreadSide Side;
  Side.Entry = C.Entry;
  if (!C.Site)
    return Side;
  Side.StartLoc = C.Site->Where->getBeginLoc();
  Side.SeveralInstances = C.Multi;
  Side.StartedInLoop = C.Site->InLoop;
  Side.Kind = C.Site->Call.Kind;
  return Side;
}

RaceFinding RacePairing::base(Rule R, unsigned Write, unsigned Other) const {
  const auto &All = Threads.accesses();
  const ResolvedAccess &W = All[Write];
  const ResolvedAccess &X = All[Other];
  RaceFinding F;
  F.RuleId = R;
  F.Variable = W.Path.spelling();
  F.WriteLoc = W.Source->Loc;
  F.WriteExpr = W.Source->E;
  F.WriteThread = sideOf(W.Context);
  F.WriteHoldsLocks = !W.Locks.empty();
  F.WriteAccess = Write;
  F.OtherIsSelf = W.Source->Loc == X.Source->Loc;
  F.OtherKind = X.Source->Kind;
  F.OtherLoc = X.Source->Loc;
  F.OtherThread = sideOf(X.Context);
  if (W.Update) {
    F.Form = W.Update->Form;
    F.ReadLoc = W.Update->ReadLoc;
  }
  return F;
}

/// The update's read and write happen inside one critical section.
static bool updateIsProtected(const ResolvedAccess &W) {
  const UpdateSource &U = *W.Update;
  bool SameExpression = U.Form == UpdateForm::Increment ||
                        U.Form == UpdateForm::Decrement ||
                        U.Form == UpdateForm::Compound;
  for (const HeldLock &H : W.Locks.locks()) {
    if (H.Shared)
      continue;
    if (SameExpression)
      return true;
    const HeldLock *AtRead = U.ReadLocks.find(H.Lock);
    if (AtRead && !AtRead->Shared && H.AcquiredAt.isValid() &&
        AtRead->AcquiredAt == H.AcquiredAt)
      return true;
  }
  return false;
}

/// A lock held at the read and again at the write, released in between.
static const HeldLock *splitLock(const ResolvedAccess &W) {
  for (const HeldLock &H : W.Locks.locks())
    if (const HeldLock *AtRead = W.Update->ReadLocks.find(H.Lock))
      if (AtRead->AcquiredAt != H.AcquiredAt)
        return &H;
  return nullptr;
}

std::optional<RaceFinding> RacePairing::classify(unsigned Write) const {
  auto It = ByWrite.find(Write);
  if (It == ByWrite.end())
    return std::nullopt;
  const Conflicts &C = It->second;
  const auto &All = Threads.accesses();
  const ResolvedAccess &W = All[Write];
  if (W.Update && W.Update->Form == UpdateForm::AtomicSplit) {
    if (C.ConcurrentWrite && !updateIsProtected(W))
      return base(Rule::UnsynchronizedRMW, Write, *C.ConcurrentWrite);
    return std::nullopt;
  }
  if (W.Update && !updateIsProtected(W)) {
    if (const HeldLock *Split = splitLock(W); Split && C.ConcurrentWrite) {
      RaceFinding F =
          base(Rule::SplitCriticalSection, Write, *C.ConcurrentWrite);
      F.LockName = Split->Lock.spelling();
      F.ReleaseLoc = W.Update->ReleasedAt;
      return F;
    }
    if (C.UnprotectedWrite)
      return base(Rule::UnsynchronizedRMW, Write, *C.UnprotectedWrite);
  }
  if (W.Update && C.UnprotectedWrite) {
    // A locked update against another thread's update under another lock:
    // both lose updates. Against a plain unlocked write, the fix belongs
    // to that write, which is reported itself.
    if (All[*C.UnprotectedWrite].Update)
      return base(Rule::UnsynchronizedRMW, Write, *C.UnprotectedWrite);
    return std::nullopt;
  }
  if (std::optional<unsigned> Other =
          C.UnprotectedWrite ? C.UnprotectedWrite : C.UnprotectedRead) {
    RaceFinding F = base(Rule::DataRace, Write, *Other);
    F.Form.reset();
    return F;
  }
  return std::nullopt;
}

/// Which of two findings at one write to keep: the most specific rule.
static int specificity(Rule R) {
  switch (R) {
  case Rule::SplitCriticalSection:
    return 3;
  case Rule::UnsynchronizedRMW:
    return 2;
  case Rule::DataRace:
    return 1;
  case Rule::DaemonThread:
  case Rule::JoinableThreadDestroyed:
  case Rule::LockNotReleased:
  case Rule::LockOrderInversion:
  case Rule::LockHeldAcrossBlockingCall:
    break;
  }
  llvm_unreachable("not a race rule");
}

/// Of two data-race reports that name each other, whether \p F is the one
/// to keep: the unlocked side, or the earlier one.
static bool keepsMirroredReport(const RaceFinding &F,
                                const RaceFinding &Mirror) {
  if (F.WriteHoldsLocks != Mirror.WriteHoldsLocks)
    return !F.WriteHoldsLocks;
  return F.WriteLoc.getRawEncoding() < Mirror.WriteLoc.getRawEncoding();
}

std::vector<RaceFinding> RacePairing::run() {
  const auto &All = Threads.accesses();
  std::map<AccessPath, std::vector<unsigned>> ByLocation;
  for (unsigned I = 0; I < All.size(); ++I)
    ByLocation[All[I].Path].push_back(I);
  for (const auto &Entry : ByLocation) {
    const std::vector<unsigned> &Group = Entry.second;
    bool AnyWrite =
        llvm::any_of(Group, [&](unsigned I) { return isWrite(All[I]); });
    if (AnyWrite)
      pairLocation(Group);
  }

  // One finding per write site, whatever the number of contexts.
  std::map<unsigned, RaceFinding> BySite;
  for (unsigned I = 0; I < All.size(); ++I) {
    if (!isWrite(All[I]))
      continue;
    std::optional<RaceFinding> F = classify(I);
    if (!F)
      continue;
    unsigned Key = F->WriteLoc.getRawEncoding();
    auto Existing = BySite.find(Key);
    if (Existing == BySite.end() ||
        specificity(F->RuleId) > specificity(Existing->second.RuleId))
      BySite[Key] = std::move(*F);
  }
  // Two plain writes racing with each other are one problem: report it
  // once, where no lock is held (where the fix goes), else at the first.
  std::vector<RaceFinding> Findings;
  for (auto &[Key, F] : BySite) {
    if (F.RuleId == Rule::DataRace && F.OtherKind == AccessKind::Write &&
        !F.OtherIsSelf) {
      auto Mirror = BySite.find(F.OtherLoc.getRawEncoding());
      if (Mirror != BySite.end() && Mirror->second.RuleId == Rule::DataRace &&
          Mirror->second.OtherLoc == F.WriteLoc &&
          !keepsMirroredReport(F, Mirror->second))
        continue;
    }
    Findings.push_back(F);
  }
  return Findings;
}

} // namespace

/// An override of a virtual method that is called or started: reached
/// through the object's dynamic type, so not a root of its own.
static bool
overridesCalled(const FunctionDecl *FD,
                const llvm::DenseSet<const FunctionDecl *> &Called) {
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD || !MD->isVirtual())
    return false;
  llvm::SmallVector<const CXXMethodDecl *, 4> Work(MD->overridden_methods());
  while (!Work.empty()) {
    const CXXMethodDecl *Base = Work.pop_back_val();
    if (Called.contains(Base->getCanonicalDecl()))
      return true;
    llvm::append_range(Work, Base->overridden_methods());
  }
  return false;
}

ProgramModel::ProgramModel(ASTContext &Context, const AnalysisHints &Hints)
    : Context(Context), Summaries(Context, Hints), Threads(Summaries) {
  FunctionCollector Collector(Context);
  Collector.TraverseDecl(Context.getTranslationUnitDecl());
  Functions = std::move(Collector.Functions);

  llvm::DenseSet<const FunctionDecl *> Called;
  for (const FunctionDecl *FD : Functions) {
    const FunctionSummary *S = Summaries.get(FD);
    if (!S)
      continue;
    for (const CallSite &Call : S->Calls)
      Called.insert(Call.Callee->getCanonicalDecl());
    for (const StartSite &Start : S->Starts)
      if (Start.Call.Entry)
        Called.insert(Start.Call.Entry->getCanonicalDecl());
  }
  for (const FunctionDecl *FD : Functions)
    if (!Called.contains(FD->getCanonicalDecl()) &&
        !overridesCalled(FD, Called))
      Roots.push_back(FD);
  Threads.compose(Roots);
}

std::vector<Report> checkRaces(const ProgramModel &Model) {
  std::vector<RaceFinding> Findings = RacePairing(Model.Threads).run();
  AtomicFixes Atomic(Model);
  for (RaceFinding &F : Findings) {
    const ResolvedAccess &Write = Model.Threads.accesses()[F.WriteAccess];
    if (std::optional<Fix> Lock = planLockFix(F, Write, Model))
      F.Fixes.push_back(std::move(*Lock));
    if (std::optional<Fix> Alternative = Atomic.planFor(F, Write))
      F.Fixes.push_back(std::move(*Alternative));
  }
  return describeFindings(Findings, Model.Context);
}

/// Whole-TU walks and Clang's parent map cover the user's code only: the
/// standard library's headers and their instantiations dwarf it, and
/// nothing there is analysed (isAnalysable).
static void limitTraversalToUserCode(ASTContext &Context) {
  const SourceManager &SM = Context.getSourceManager();
  std::vector<Decl *> UserDecls;
  for (Decl *D : Context.getTranslationUnitDecl()->decls())
    if (!SM.isInSystemHeader(D->getLocation()))
      UserDecls.push_back(D);
  Context.setTraversalScope(UserDecls);
}

std::vector<Report> analyzeTranslationUnit(ASTContext &Context,
                                           const AnalysisHints &Hints) {
  limitTraversalToUserCode(Context);
  ProgramModel Model(Context, Hints);
  std::vector<Report> Reports = checkRaces(Model);
  llvm::append_range(Reports, checkLockDiscipline(Model));
  llvm::append_range(Reports, checkThreadLifetimes(Model));
  return Reports;
}

} // namespace racelint
