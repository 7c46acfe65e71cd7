//===--- BlockingUnderLock.cpp - Locks held across blocking calls ---------===//
//
// A blocking call made under a lock makes every thread that wants the lock
// wait for the call too: the lecture's locked fix, correct but serial. The
// finding needs a contender, an acquisition of the same lock that may run
// at the same time (another instance of the thread will do); a lock only
// one thread ever takes serializes nothing. When the threads are started in
// a counted loop and the call sleeps a constant time, the cost is computed.
//
//===----------------------------------------------------------------------===//
#include "LockFinding.h"
#include "ProgramModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ParentMapContext.h"

#include <set>

using namespace clang;

namespace racelint {

namespace {

class BlockingUnderLock {
public:
  explicit BlockingUnderLock(ProgramModel &Model)
      : Model(Model), Threads(Model.Threads) {}

  std::vector<BlockingFinding> run();

private:
  llvm::ArrayRef<unsigned> liveAt(const ResolvedBlockingCall &B,
                                  const HeldLock &H) const;
  std::optional<uint64_t> instances(unsigned Context) const;
  std::optional<uint64_t> tripCount(const Stmt *S) const;
  std::optional<double> sleepSeconds(const CallExpr *Call) const;
  const Stmt *parentOf(const Stmt *S) const;

  ProgramModel &Model;
  const ThreadContexts &Threads;
};

const Stmt *BlockingUnderLock::parentOf(const Stmt *S) const {
  DynTypedNodeList Parents = Model.Context.getParents(*S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

/// The threads running beside the call: those running when its lock was
/// taken in the same context.
/// FIXME: threads started between the lock and the call are missed.
llvm::ArrayRef<unsigned>
BlockingUnderLock::liveAt(const ResolvedBlockingCall &B,
                          const HeldLock &H) const {
  for (const ResolvedAcquisition &A : Threads.acquisitions())
    if (A.Context == B.Context && A.Lock == H.Lock &&
        A.Source->Loc == H.AcquiredAt)
      return A.Live;
  return {};
}

/// for (int i = 0; i < N; ++i) around \p S, with N a constant.
std::optional<uint64_t> BlockingUnderLock::tripCount(const Stmt *S) const {
  const ForStmt *Loop = nullptr;
  for (const Stmt *P = parentOf(S); P; P = parentOf(P)) {
    if (!isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      continue;
    if (Loop)
      return std::nullopt; // Nested loops: not counted.
    Loop = dyn_cast<ForStmt>(P);
    if (!Loop)
      return std::nullopt;
  }
  if (!Loop)
    return 1;
  const auto *Init = dyn_cast_or_null<DeclStmt>(Loop->getInit());
  const auto *Cond = dyn_cast_or_null<BinaryOperator>(Loop->getCond());
  if (!Init || !Init->isSingleDecl() || !Cond)
    return std::nullopt;
  const auto *Var = dyn_cast<VarDecl>(Init->getSingleDecl());
  const auto *Counter =
      dyn_cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts());
  const auto *Inc = dyn_cast_or_null<UnaryOperator>(Loop->getInc());
  if (!Var || !Var->getInit() || !Counter || Counter->getDecl() != Var ||
      !Inc || !Inc->isIncrementOp())
    return std::nullopt;
  Expr::EvalResult From, To;
  if (!Var->getInit()->EvaluateAsInt(From, Model.Context) ||
      !Cond->getRHS()->EvaluateAsInt(To, Model.Context))
    return std::nullopt;
  int64_t Begin = From.Val.getInt().getExtValue();
  int64_t End = To.Val.getInt().getExtValue();
  if (Cond->getOpcode() == BO_LE)
    ++End;
  else if (Cond->getOpcode() != BO_LT && Cond->getOpcode() != BO_NE)
    return std::nullopt;
  if (End <= Begin)
    return std::nullopt;
  return uint64_t(End - Begin);
}

/// How many threads run a context at once, when that is known.
std::optional<uint64_t> BlockingUnderLock::instances(unsigned Context) const {
  const ThreadContext &C = Threads.contexts()[Context];
  if (!C.Multi)
    return 1;
  if (!C.Site || C.Parent < 0 || Threads.contexts()[C.Parent].Multi)
    return std::nullopt;
  // Started from one site of one thread: as many as its loop runs.
  for (unsigned Id = 0; Id < Threads.contexts().size(); ++Id)
    if (Id != Context && Threads.contexts()[Id].Site == C.Site)
      return std::nullopt;
  if (!C.Site->InLoop)
    return std::nullopt;
  return tripCount(C.Site->Where);
}

/// std::chrono durations are a count of a std::ratio period.
static std::optional<double> durationSeconds(const Expr *E,
                                             const ASTContext &Context) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      E->getType().getNonReferenceType()->getAsCXXRecordDecl());
  if (!Spec || Spec->getName() != "duration" ||
      Spec->getTemplateArgs().size() != 2)
    return std::nullopt;
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Spec->getTemplateArgs()[1].getAsType()->getAsCXXRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() != 2 ||
      Ratio->getTemplateArgs()[0].getKind() != TemplateArgument::Integral)
    return std::nullopt;
  double Num = Ratio->getTemplateArgs()[0].getAsIntegral().getSExtValue();
  double Den = Ratio->getTemplateArgs()[1].getAsIntegral().getSExtValue();
  Expr::EvalResult Result;
  if (!E->EvaluateAsRValue(Result, Context) || !Result.Val.isStruct() ||
      Result.Val.getStructNumFields() < 1)
    return std::nullopt;
  const APValue &Count = Result.Val.getStructField(0);
  if (Count.isInt())
    return double(Count.getInt().getSExtValue()) * Num / Den;
  if (Count.isFloat())
    return Count.getFloat().convertToDouble() * Num / Den;
  return std::nullopt;
}

std::optional<double>
BlockingUnderLock::sleepSeconds(const CallExpr *Call) const {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier() || Call->getNumArgs() < 1)
    return std::nullopt;
  const Expr *Arg = Call->getArg(0)->IgnoreImplicit();
  StringRef Name = FD->getName();
  if (Name == "sleep_for")
    return durationSeconds(Arg, Model.Context);
  Expr::EvalResult Result;
  if ((Name != "sleep" && Name != "usleep") ||
      !Arg->EvaluateAsInt(Result, Model.Context))
    return std::nullopt;
  double Value = Result.Val.getInt().getExtValue();
  return Name == "sleep" ? Value : Value / 1e6;
}

std::vector<BlockingFinding> BlockingUnderLock::run() {
  std::vector<BlockingFinding> Findings;
  std::set<const Expr *> Done;
  for (const ResolvedBlockingCall &B : Threads.blockingCalls()) {
    if (Done.count(B.Source->Where))
      continue;
    for (const HeldLock &H : B.Locks.locks()) {
      // Readers share a read lock; they do not take turns.
      if (H.Shared)
        continue;
      llvm::ArrayRef<unsigned> Live = liveAt(B, H);
      std::set<unsigned> Contexts{B.Context};
      for (const ResolvedAcquisition &A : Threads.acquisitions())
        if (A.Lock == H.Lock &&
            Threads.mayRunConcurrently(B.Context, Live, A.Context, A.Live))
          Contexts.insert(A.Context);
      bool Contended =
          Contexts.size() > 1 || Threads.contexts()[B.Context].Multi;
      if (!Contended)
        continue;
      BlockingFinding F;
      F.Kind = B.Source->Kind;
      const auto *Call = dyn_cast<CallExpr>(B.Source->Where);
      const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
      F.Callee = Callee && Callee->getIdentifier() ? Callee->getName().str()
                                                   : B.Source->Callee;
      F.Lock = H.Lock.spelling();
      F.Where = B.Source->Where->getExprLoc();
      F.LockedAt = H.AcquiredAt;
      F.Thread = lockThreadSide(Threads, B.Context);
      uint64_t Total = 0;
      bool Known = true;
      for (unsigned C : Contexts) {
        std::optional<uint64_t> N = instances(C);
        Known = Known && N;
        if (N)
          Total += *N;
      }
      if (Known && Total > 1)
        F.Threads = Total;
      if (F.Kind == BlockingKind::Sleep && Call)
        F.Seconds = sleepSeconds(Call);
      Findings.push_back(std::move(F));
      Done.insert(B.Source->Where);
      break;
    }
  }
  return Findings;
}

} // namespace

std::vector<BlockingFinding> findBlockingUnderLock(ProgramModel &Model) {
  return BlockingUnderLock(Model).run();
}

} // namespace racelint
