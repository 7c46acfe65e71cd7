//===--- FunctionSummary.cpp - What one function does to shared state -----===//
//
// The builder runs a forward dataflow over the function's CFG (implicit
// destructors on, so an RAII guard releases where its scope ends on every
// path) to a fixpoint of the flow state, then makes one recording pass in
// reverse post-order with the fixpoint's block-entry states.
//
//===----------------------------------------------------------------------===//
#include "FunctionSummary.h"

#include "ForwardDataflow.h"
#include "LockModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace racelint {

bool isAnalysable(const FunctionDecl *FD, const ASTContext &Context) {
  if (!FD || !FD->hasBody() || FD->isDependentContext())
    return false;
  return !Context.getSourceManager().isInSystemHeader(FD->getLocation());
}

namespace {

/// The locks an RAII guard variable manages.
struct GuardState {
  llvm::SmallVector<AccessPath, 2> Mutexes;
  bool Owns = false;
  bool Shared = false;
};

/// The lattice value at a program point: locks held (must), threads
/// possibly running (may), and what each guard owns.
struct FlowState {
  bool Reached = false;
  Lockset Locks;
  llvm::SmallVector<const LiveStart *, 4> Live;
  llvm::SmallVector<std::pair<const VarDecl *, GuardState>, 2> Guards;
  /// Containers of handles joined in a loop (may): the loop's zero-trip
  /// path does not keep their threads alive.
  llvm::SmallVector<AccessPath, 1> JoinedContainers;
  // Not part of the lattice: remembered for messages only.
  llvm::SmallVector<std::pair<AccessPath, SourceLocation>, 2> LastRelease;

  GuardState *guard(const VarDecl *VD) {
    for (auto &G : Guards)
      if (G.first == VD)
        return &G.second;
    return nullptr;
  }

  void addLive(const LiveStart *L) {
    auto It = std::lower_bound(Live.begin(), Live.end(), L);
    if (It == Live.end() || *It != L)
      Live.insert(It, L);
  }

  void noteRelease(const AccessPath &Lock, SourceLocation At) {
    for (auto &R : LastRelease)
      if (R.first == Lock) {
        R.second = At;
        return;
      }
    LastRelease.push_back({Lock, At});
  }

  SourceLocation lastRelease(const AccessPath &Lock) const {
    for (const auto &R : LastRelease)
      if (R.first == Lock)
        return R.second;
    return {};
  }

  /// Merges another incoming edge; returns true when this state changed.
  bool join(const FlowState &O) {
    if (!O.Reached)
      return false;
    if (!Reached) {
      *this = O;
      return true;
    }
    bool Changed = false;
    Lockset Before = Locks;
    Locks.intersect(O.Locks);
    Changed |= !(Before == Locks);
    for (const LiveStart *L : O.Live)
      if (!std::binary_search(Live.begin(), Live.end(), L)) {
        addLive(L);
        Changed = true;
      }
    for (const auto &G : O.Guards) {
      GuardState *Mine = guard(G.first);
      if (!Mine) {
        Guards.push_back(G);
        Changed = true;
      } else if (G.second.Owns && !Mine->Owns) {
        Mine->Owns = true;
        Changed = true;
      }
    }
    for (const AccessPath &C : O.JoinedContainers)
      if (llvm::find(JoinedContainers, C) == JoinedContainers.end()) {
        JoinedContainers.push_back(C);
        Changed = true;
      }
    if (!JoinedContainers.empty())
      llvm::erase_if(Live, [&](const LiveStart *L) {
        return L->Handle && llvm::find(JoinedContainers, *L->Handle) !=
                                JoinedContainers.end();
      });
    for (const auto &R : O.LastRelease)
      if (!lastRelease(R.first).isValid())
        LastRelease.push_back(R);
    return Changed;
  }
};

static const Expr *skipTemporaries(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *C = dyn_cast<ImplicitCastExpr>(E);
             C && C->getCastKind() != CK_LValueToRValue)
      E = C->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *CE = dyn_cast<ExprWithCleanups>(E))
      E = CE->getSubExpr();
    else
      return E;
  }
}

/// Methods of library containers that reach elements without changing the
/// container itself: calling them from two threads is not a race.
static bool isElementAccessor(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("operator[]", "at", "front", "back", "data", "begin", "end", true)
      .Cases("rbegin", "rend", "cbegin", "cend", "find", "count", "size", true)
      .Cases("empty", "lower_bound", "upper_bound", "equal_range", "get",
             "contains", true)
      .Cases("operator*", "operator->", "length", "c_str", "capacity", true)
      .Default(false);
}

/// Calls that may block for long: sleeps and blocking I/O. Printing to a
/// stream is not worth calling blocking.
static std::optional<BlockingKind> classifyBlockingCall(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  StringRef Name = FD->getName();
  const DeclContext *DC = FD->getDeclContext();
  // std::this_thread::sleep_for is declared in a namespace inside std.
  const auto *NS = dyn_cast<NamespaceDecl>(DC);
  bool InThisThread = NS && NS->getIdentifier() &&
                      NS->getName() == "this_thread" && NS->isInStdNamespace();
  if ((FD->isInStdNamespace() || InThisThread) &&
      (Name == "sleep_for" || Name == "sleep_until"))
    return BlockingKind::Sleep;
  if (!DC->isTranslationUnit() && !DC->isExternCContext())
    return std::nullopt;
  return llvm::StringSwitch<std::optional<BlockingKind>>(Name)
      .Cases("sleep", "usleep", "nanosleep", "clock_nanosleep",
             BlockingKind::Sleep)
      .Cases("read", "write", "recv", "send", "recvfrom", "sendto",
             BlockingKind::IO)
      .Cases("recvmsg", "sendmsg", "accept", "accept4", "connect",
             BlockingKind::IO)
      .Cases("poll", "ppoll", "select", "pselect", "epoll_wait",
             BlockingKind::IO)
      .Cases("fread", "fwrite", "fgets", "getline", "getchar", BlockingKind::IO)
      .Default(std::nullopt);
}

/// A method of a library class (declared in a system header): called on a
/// shared object, it reads or writes that object.
static bool isLibraryMethod(const CXXMethodDecl *MD) {
  return MD->getASTContext().getSourceManager().isInSystemHeader(
      MD->getLocation());
}

class SummaryBuilder : public ConstStmtVisitor<SummaryBuilder> {
public:
  SummaryBuilder(SummaryCache &Cache, const FunctionDecl *FD,
                 FunctionSummary &Out)
      : Cache(Cache), Context(Cache.context()), FD(FD), Out(Out) {
    Out.Function = FD;
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
      if (MD->getParent()->isLambda())
        Lambda = MD->getParent();
  }

  void build();

  // Transfer functions, one per AST shape that matters.
  void VisitImplicitCastExpr(const ImplicitCastExpr *E);
  void VisitBinaryOperator(const BinaryOperator *E);
  void VisitUnaryOperator(const UnaryOperator *E);
  void VisitCallExpr(const CallExpr *E);
  void VisitCXXConstructExpr(const CXXConstructExpr *E);
  void VisitDeclStmt(const DeclStmt *S);
  void VisitReturnStmt(const ReturnStmt *S);
  void VisitLambdaExpr(const LambdaExpr *E);
  void VisitAtomicExpr(const AtomicExpr *E);
  void noteAddressTaken(const Expr *Sub);

private:
  // Paths.
  std::optional<AccessPath> lvaluePath(const Expr *E);
  std::optional<AccessPath> valuePath(const Expr *E);
  std::optional<AccessPath> declPath(const ValueDecl *VD);
  std::optional<AccessPath> objectPath(const CXXMemberCallExpr *Call);
  bool isPerThreadValue(const Expr *E);
  PathStep elementStep(const Expr *Index);
  bool isOwnLocal(const ValueDecl *VD) const;
  bool isCopyCapture(const ValueDecl *VD) const;
  bool worthRecording(const AccessPath &P, QualType T) const;

  // Effects.
  void record(const AccessPath &P, AccessKind Kind, const Expr *E, bool Atomic,
              std::optional<UpdateSource> Update = std::nullopt);
  void recordAccessTo(const Expr *Target, AccessKind Kind, const Expr *E,
                      bool Atomic,
                      std::optional<UpdateSource> Update = std::nullopt);
  void recordWrite(const Expr *Target, const Expr *Value, const Expr *E,
                   bool Atomic);
  std::optional<UpdateSource> updateFromOrigins(const AccessPath &P,
                                                const Expr *Value, bool Atomic);
  void acquire(const AccessPath &Lock, SourceLocation At, bool Shared);
  void release(const AccessPath &Lock, SourceLocation At);
  void applyLockOp(const LockOp &Op, const CallExpr *Call);
  void applyGuardMethod(GuardMethod M, const CXXMemberCallExpr *Call);
  void constructGuard(const VarDecl *Guard, const GuardConstruction &G,
                      SourceLocation At);
  void destroyVariable(const VarDecl *VD);
  void startThread(const Stmt *S, const ThreadStartCall &Call,
                   std::optional<AccessPath> Handle);
  void setHandle(const Stmt *Start, const AccessPath &Handle);
  void joinUnnamedFuture(const Stmt *Start);
  bool namesMemoryPerIteration(const Expr *Arg);
  std::optional<AccessPath> memberValue(const FieldDecl *Field,
                                        const Expr *Init);
  std::vector<std::pair<const FieldDecl *, AccessPath>>
  memberValues(const Expr *Object);
  void handleOp(const HandleOp &Op, const CallExpr *Call);
  void recordBlocking(BlockingKind Kind, const CallExpr *Call);
  void joinHandle(const AccessPath &Handle);
  void callSummarized(const FunctionDecl *Callee, const Expr *Site,
                      llvm::ArrayRef<const Expr *> Args,
                      std::optional<AccessPath> ThisValue, bool Virtual);
  std::optional<AccessPath> mapCalleePath(const AccessPath &P,
                                          const CallSite &Call);
  void collectOrigins(const Expr *E, std::vector<ValueOrigin> &Out);
  std::vector<ValueOrigin> originsOf(const Expr *E) {
    std::vector<ValueOrigin> Out;
    collectOrigins(E, Out);
    return Out;
  }

  // Per-element dispatch, and the try-lock edge transfer.
  void transfer(const CFGElement &Element);
  void transferEdge(const CFGBlock *From, const CFGBlock *To, FlowState &State);
  void computeLoopBlocks(const CFG &Graph);
  void collectDiscardedValues(const Stmt *Body);
  void finish(const FlowState &ExitState);

  SummaryCache &Cache;
  ASTContext &Context;
  const FunctionDecl *FD;
  FunctionSummary &Out;
  const CXXRecordDecl *Lambda = nullptr;

  FlowState State;
  const CFGBlock *CurrentBlock = nullptr;
  bool Recording = false;
  bool InTryEdge = false;
  llvm::DenseSet<unsigned> LoopBlocks;
  /// Expressions whose statement throws their value away.
  llvm::DenseSet<const Expr *> DiscardedValues;

  /// Local pointers, references and iterators, and the value they hold.
  llvm::DenseMap<const VarDecl *, AccessPath> Aliases;
  /// Locals whose address escapes (taken, captured by reference).
  llvm::DenseSet<const ValueDecl *> Escaped;
  /// Locals holding a per-thread value (an index passed to the thread).
  llvm::DenseSet<const ValueDecl *> PerThread;
  /// Shared reads that flowed into each local, for split updates.
  llvm::DenseMap<const VarDecl *, std::vector<ValueOrigin>> LocalOrigins;
  /// Reads already recorded, by the cast that performs them.
  llvm::DenseMap<const Expr *, unsigned> ReadAt;
  llvm::DenseMap<const Stmt *, StartSite *> StartAt;
  llvm::DenseMap<const StartSite *, LiveStart *> LocalLive;
  llvm::DenseMap<std::pair<const Expr *, const LiveStart *>, LiveStart *>
      ImportedLive;
};

} // namespace

//===----------------------------------------------------------------------===//
// Paths
//===----------------------------------------------------------------------===//

bool SummaryBuilder::isOwnLocal(const ValueDecl *VD) const {
  const auto *Var = dyn_cast<VarDecl>(VD);
  return Var && Var->hasLocalStorage() &&
         Var->getParentFunctionOrMethod() == FD;
}

bool SummaryBuilder::isCopyCapture(const ValueDecl *VD) const {
  if (!Lambda)
    return false;
  for (const LambdaCapture &C : Lambda->captures())
    if (C.capturesVariable() && C.getCapturedVar() == VD)
      return C.getCaptureKind() == LCK_ByCopy;
  return false;
}

std::optional<AccessPath> SummaryBuilder::declPath(const ValueDecl *VD) {
  const auto *Var = dyn_cast<VarDecl>(VD);
  if (!Var)
    return std::nullopt;
  if (Var->hasGlobalStorage())
    return AccessPath::global(Var);
  if (const auto *Parm = dyn_cast<ParmVarDecl>(Var);
      Parm && Parm->getDeclContext() == FD) {
    AccessPath P = AccessPath::param(Parm->getFunctionScopeIndex(), Parm);
    return Var->getType()->isReferenceType() ? P.deref() : P;
  }
  if (isOwnLocal(Var)) {
    auto Alias = Aliases.find(Var);
    if (Var->getType()->isReferenceType())
      return Alias != Aliases.end() ? Alias->second.deref()
                                    : AccessPath::local(Var);
    return AccessPath::local(Var);
  }
  // A variable of an enclosing function, captured by a lambda.
  return AccessPath::local(Var);
}

std::optional<AccessPath> SummaryBuilder::lvaluePath(const Expr *E) {
  E = skipTemporaries(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return declPath(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field) {
      if (const auto *Var = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return AccessPath::global(Var); // A static data member.
      return std::nullopt;
    }
    auto Base =
        ME->isArrow() ? valuePath(ME->getBase()) : lvaluePath(ME->getBase());
    if (!Base)
      return std::nullopt;
    AccessPath Member = (ME->isArrow() ? Base->deref() : *Base).field(Field);
    // A reference member names the object it refers to, not memory of ours.
    return Field->getType()->isReferenceType() ? Member.deref() : Member;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    if (auto V = valuePath(U->getSubExpr()))
      return V->deref();
    return std::nullopt;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    auto Base = valuePath(AS->getBase());
    if (!Base)
      return std::nullopt;
    return Base->deref().withStep(elementStep(AS->getIdx()));
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 0)
      return std::nullopt;
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      auto Base = lvaluePath(Op->getArg(0));
      if (!Base)
        return std::nullopt;
      return Base->withStep(elementStep(Op->getArg(1)));
    }
    if (Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) {
      if (auto V = valuePath(Op->getArg(0)))
        return V->deref();
    }
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() &&
        llvm::StringSwitch<bool>(MD->getName())
            .Cases("at", "front", "back", true)
            .Default(false))
      if (auto Base = objectPath(MC))
        return Base->withStep({StepKind::Element});
    return std::nullopt;
  }
  if (isa<CXXThisExpr>(E))
    return AccessPath::thisObject().addressOf();
  return std::nullopt;
}

std::optional<AccessPath> SummaryBuilder::valuePath(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
        Var && isOwnLocal(Var) && !Var->getType()->isReferenceType()) {
      auto Alias = Aliases.find(Var);
      if (Alias != Aliases.end())
        return Alias->second;
    }
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue: {
      const Expr *Sub = skipTemporaries(Cast->getSubExpr());
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub))
        if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
            Var && isOwnLocal(Var) && !Var->getType()->isReferenceType()) {
          auto Alias = Aliases.find(Var);
          if (Alias != Aliases.end())
            return Alias->second;
        }
      return lvaluePath(Sub);
    }
    case CK_ArrayToPointerDecay:
      if (auto P = lvaluePath(Cast->getSubExpr()))
        return P->addressOf();
      return std::nullopt;
    default:
      return valuePath(Cast->getSubExpr());
    }
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_AddrOf)
      if (auto P = lvaluePath(U->getSubExpr()))
        return P->addressOf();
    return std::nullopt;
  }
  if (isa<CXXThisExpr>(E))
    return AccessPath::thisObject().addressOf();
  if (isa<CXXNewExpr>(E))
    return AccessPath::fresh(E).addressOf();
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (Callee && Callee->getIdentifier()) {
      StringRef Name = Callee->getName();
      if ((Name == "malloc" || Name == "calloc") &&
          Callee->getDeclContext()->isTranslationUnit())
        return AccessPath::fresh(E).addressOf();
      if ((Name == "ref" || Name == "cref" || Name == "addressof") &&
          Callee->isInStdNamespace() && Call->getNumArgs() == 1)
        if (auto P = lvaluePath(Call->getArg(0)))
          return P->addressOf();
      if ((Name == "make_shared" || Name == "make_unique") &&
          Callee->isInStdNamespace())
        return AccessPath::fresh(E).addressOf();
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && MD->getIdentifier() &&
          llvm::StringSwitch<bool>(MD->getName())
              .Cases("begin", "end", "cbegin", "cend", "data", "get", true)
              .Default(false))
        if (auto Base = objectPath(MC))
          return MD->getName() == "get"
                     ? Base->deref().addressOf()
                     : Base->withStep({StepKind::Element}).addressOf();
    }
  }
  // A class object used as a value (an iterator, a smart pointer): what it
  // points to is named after the object itself.
  if (E->isGLValue() || E->getType()->isRecordType())
    return lvaluePath(E);
  return std::nullopt;
}

std::optional<AccessPath>
SummaryBuilder::objectPath(const CXXMemberCallExpr *Call) {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object)
    return std::nullopt;
  if (const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
      ME && ME->isArrow()) {
    if (auto V = valuePath(Object))
      return V->deref();
    return std::nullopt;
  }
  return lvaluePath(Object);
}

/// The step of an element indexed by \p Index: per thread, a constant, or
/// any element.
PathStep SummaryBuilder::elementStep(const Expr *Index) {
  if (isPerThreadValue(Index))
    return {StepKind::DistinctElement};
  PathStep Step{StepKind::Element};
  Expr::EvalResult Result;
  if (!Index->isValueDependent() && Index->EvaluateAsInt(Result, Context) &&
      Result.Val.getInt().getSignificantBits() <= 64)
    Step.ConstantIndex = Result.Val.getInt().getSExtValue();
  return Step;
}

/// Whether \p E computes a value that differs per thread: built from a
/// parameter passed by value or a by-copy capture (the thread's index).
bool SummaryBuilder::isPerThreadValue(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *VD = DRE->getDecl();
    if (const auto *Parm = dyn_cast<ParmVarDecl>(VD))
      return Parm->getDeclContext() == FD &&
             !Parm->getType()->isReferenceType() &&
             !Parm->getType()->isPointerType();
    return isCopyCapture(VD) || PerThread.contains(VD);
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_Deref) {
      // *(int *)arg: a value handed to this thread through its argument.
      auto P = valuePath(U->getSubExpr());
      return P && P->rootKind() == RootKind::Param;
    }
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    return B->isAdditiveOp() || B->isMultiplicativeOp()
               ? isPerThreadValue(B->getLHS()) || isPerThreadValue(B->getRHS())
               : false;
  return false;
}

bool SummaryBuilder::worthRecording(const AccessPath &P, QualType T) const {
  if (P.isAddress() || isSynchronizationType(T) && !isAtomicType(T))
    return false;
  if (isThreadHandleType(T))
    return false;
  const auto *Root = static_cast<const ValueDecl *>(P.rootDecl());
  switch (P.rootKind()) {
  case RootKind::Global: {
    const auto *Var = cast<VarDecl>(Root);
    if (Var->getTLSKind() != VarDecl::TLS_None || Var->isConstexpr() ||
        Var->getType().isConstQualified())
      return P.throughIndirection();
    return !Context.getSourceManager().isInSystemHeader(Var->getLocation());
  }
  case RootKind::Param:
  case RootKind::Fresh:
    return P.throughIndirection();
  case RootKind::Local:
    // Escaping locals are all known once the fixpoint rounds have run.
    if (isOwnLocal(Root))
      return Escaped.contains(Root) || P.throughIndirection();
    return !isCopyCapture(Root) || P.throughIndirection();
  case RootKind::This:
    return true;
  }
  llvm_unreachable("unknown root kind");
}

//===----------------------------------------------------------------------===//
// Recording
//===----------------------------------------------------------------------===//

void SummaryBuilder::record(const AccessPath &P, AccessKind Kind, const Expr *E,
                            bool Atomic, std::optional<UpdateSource> Update) {
  if (!Recording)
    return;
  if (Kind == AccessKind::Read)
    ReadAt[E] = Out.Accesses.size();
  Access A;
  A.Path = P;
  A.Kind = Kind;
  A.Atomic = Atomic;
  A.Loc = E->getExprLoc();
  A.E = E;
  A.Locks = State.Locks;
  A.Live.assign(State.Live.begin(), State.Live.end());
  A.Update = std::move(Update);
  Out.Accesses.push_back(std::move(A));
}

void SummaryBuilder::recordAccessTo(const Expr *Target, AccessKind Kind,
                                    const Expr *E, bool Atomic,
                                    std::optional<UpdateSource> Update) {
  if (!Recording)
    return;
  auto P = lvaluePath(Target);
  if (!P || !worthRecording(*P, Target->getType()))
    return;
  record(*P, Kind, E, Atomic || isAtomicType(Target->getType()),
         std::move(Update));
}

std::optional<UpdateSource>
SummaryBuilder::updateFromOrigins(const AccessPath &P, const Expr *Value,
                                  bool Atomic) {
  if (!Value)
    return std::nullopt;
  for (const ValueOrigin &O : originsOf(Value)) {
    if (O.Param || O.Path != P)
      continue;
    UpdateSource U;
    U.Form = Atomic ? UpdateForm::AtomicSplit : UpdateForm::Recomputed;
    U.ReadLoc = O.Loc;
    U.ReadLocks = O.Locks;
    for (const HeldLock &H : O.Locks.locks())
      if (const HeldLock *Now = State.Locks.find(H.Lock);
          Now && Now->AcquiredAt != H.AcquiredAt)
        U.ReleasedAt = State.lastRelease(H.Lock);
    return U;
  }
  return std::nullopt;
}

void SummaryBuilder::recordWrite(const Expr *Target, const Expr *Value,
                                 const Expr *E, bool Atomic) {
  if (!Recording)
    return;
  auto P = lvaluePath(Target);
  if (!P || !worthRecording(*P, Target->getType()))
    return;
  Atomic = Atomic || isAtomicType(Target->getType());
  record(*P, AccessKind::Write, E, Atomic,
         updateFromOrigins(*P, Value, Atomic));
  // A write of a parameter's value: a setter, for the caller to match.
  if (Value)
    for (const ValueOrigin &O : originsOf(Value))
      if (O.Param) {
        Out.ParamWrites.push_back(
            {unsigned(Out.Accesses.size() - 1), *O.Param});
        break;
      }
}

void SummaryBuilder::collectOrigins(const Expr *E,
                                    std::vector<ValueOrigin> &Origins) {
  if (!E)
    return;
  E = E->IgnoreParens();
  if (isa<LambdaExpr>(E))
    return;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(E);
      Cast && Cast->getCastKind() == CK_LValueToRValue)
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(Cast->getSubExpr()->IgnoreParens())) {
      if (const auto *Parm = dyn_cast<ParmVarDecl>(DRE->getDecl());
          Parm && Parm->getDeclContext() == FD &&
          !Parm->getType()->isReferenceType()) {
        ValueOrigin O;
        O.Param = Parm->getFunctionScopeIndex();
        Origins.push_back(O);
        return;
      }
      if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
          Var && isOwnLocal(Var) && !Escaped.contains(Var)) {
        auto It = LocalOrigins.find(Var);
        if (It != LocalOrigins.end())
          Origins.insert(Origins.end(), It->second.begin(), It->second.end());
        return;
      }
    }
  auto Read = ReadAt.find(E);
  if (Read != ReadAt.end()) {
    const Access &A = Out.Accesses[Read->second];
    Origins.push_back({std::nullopt, A.Path, A.Loc, A.Locks});
    return;
  }
  // A helper's return value carries the reads it returned.
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    for (const CallSite &Site : llvm::reverse(Out.Calls)) {
      if (Site.Where != Call)
        continue;
      if (const FunctionSummary *Callee = Cache.get(Site.Callee))
        for (const ValueOrigin &O : Callee->ReturnOrigins) {
          if (O.Param) {
            if (*O.Param < Call->getNumArgs())
              collectOrigins(Call->getArg(*O.Param), Origins);
            continue;
          }
          auto Mapped = mapCalleePath(O.Path, Site);
          if (!Mapped)
            continue;
          ValueOrigin M{std::nullopt, *Mapped, O.Loc, Site.Locks};
          M.Locks.unite(
              O.Locks.mapPaths([&](const AccessPath &In, AccessPath &Result) {
                auto R = mapCalleePath(In, Site);
                if (R)
                  Result = *R;
                return R.has_value();
              }));
          Origins.push_back(std::move(M));
        }
      break;
    }
    // An atomic load() is a read of the atomic object.
    for (const Expr *Arg : Call->arguments())
      collectOrigins(Arg, Origins);
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      collectOrigins(MC->getImplicitObjectArgument(), Origins);
    return;
  }
  if (const auto *Atomic = dyn_cast<AtomicExpr>(E)) {
    collectOrigins(Atomic->getPtr(), Origins);
    return;
  }
  for (const Stmt *Child : E->children())
    if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child))
      collectOrigins(ChildExpr, Origins);
}

//===----------------------------------------------------------------------===//
// Locks
//===----------------------------------------------------------------------===//

void SummaryBuilder::acquire(const AccessPath &Lock, SourceLocation At,
                             bool Shared) {
  if (Recording && !State.Locks.find(Lock))
    Out.Acquisitions.push_back(
        LockAcquisition{Lock,
                        At,
                        State.Locks,
                        {State.Live.begin(), State.Live.end()},
                        InTryEdge});
  State.Locks.acquire(Lock, At, Shared);
}

void SummaryBuilder::release(const AccessPath &Lock, SourceLocation At) {
  // The caller's lock too: its split-critical-section note points here.
  State.noteRelease(Lock, At);
  if (State.Locks.release(Lock))
    return;
  if (Recording && Lock.rootKind() != RootKind::Local &&
      llvm::find(Out.ReleasedUnheld, Lock) == Out.ReleasedUnheld.end())
    Out.ReleasedUnheld.push_back(Lock);
}

void SummaryBuilder::applyLockOp(const LockOp &Op, const CallExpr *Call) {
  if (Op.Kind == LockOpKind::TryAcquire)
    return; // Acquired on the success edge only; see transferEdge.
  for (const Expr *Mutex : Op.Mutexes) {
    std::optional<AccessPath> Lock;
    if (!Mutex) {
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
        Lock = objectPath(MC);
    } else if (Mutex->getType()->isPointerType()) {
      if (auto Pointer = valuePath(Mutex))
        Lock = Pointer->deref();
    } else {
      Lock = lvaluePath(Mutex);
    }
    if (!Lock)
      continue;
    if (Op.Kind == LockOpKind::Acquire)
      acquire(*Lock, Call->getExprLoc(), Op.Shared);
    else
      release(*Lock, Call->getExprLoc());
  }
}

void SummaryBuilder::constructGuard(const VarDecl *Guard,
                                    const GuardConstruction &G,
                                    SourceLocation At) {
  GuardState NewGuard;
  NewGuard.Shared = G.Shared;
  if (G.MovedFrom) {
    const Expr *Source = skipTemporaries(G.MovedFrom)->IgnoreCasts();
    if (const auto *Move = dyn_cast<CallExpr>(Source);
        Move && Move->getNumArgs() == 1 && Move->getDirectCallee() &&
        Move->getDirectCallee()->isInStdNamespace())
      Source = Move->getArg(0)->IgnoreParenCasts();
    const auto *From = dyn_cast<DeclRefExpr>(Source);
    if (From)
      if (GuardState *Old = State.guard(dyn_cast<VarDecl>(From->getDecl()))) {
        NewGuard = *Old;
        Old->Owns = false;
      }
  } else {
    for (const Expr *Mutex : G.Mutexes)
      if (auto Lock = lvaluePath(Mutex))
        NewGuard.Mutexes.push_back(*Lock);
    NewGuard.Owns = G.Mode == GuardMode::Lock || G.Mode == GuardMode::Adopt;
    if (NewGuard.Owns)
      for (const AccessPath &Lock : NewGuard.Mutexes)
        acquire(Lock, At, G.Shared);
  }
  if (GuardState *Existing = State.guard(Guard))
    *Existing = NewGuard;
  else
    State.Guards.push_back({Guard, NewGuard});
}

void SummaryBuilder::applyGuardMethod(GuardMethod M,
                                      const CXXMemberCallExpr *Call) {
  const auto *DRE = dyn_cast<DeclRefExpr>(
      Call->getImplicitObjectArgument()->IgnoreParenImpCasts());
  GuardState *G =
      DRE ? State.guard(dyn_cast<VarDecl>(DRE->getDecl())) : nullptr;
  if (!G)
    return;
  switch (M) {
  case GuardMethod::Lock:
    for (const AccessPath &Lock : G->Mutexes)
      acquire(Lock, Call->getExprLoc(), G->Shared);
    G->Owns = true;
    return;
  case GuardMethod::Unlock:
    for (const AccessPath &Lock : G->Mutexes)
      release(Lock, Call->getExprLoc());
    G->Owns = false;
    return;
  case GuardMethod::Release:
    G->Owns = false;
    return;
  case GuardMethod::TryLock:
    return; // The success edge takes it; see transferEdge.
  }
  llvm_unreachable("unknown guard method");
}

void SummaryBuilder::destroyVariable(const VarDecl *VD) {
  if (GuardState *G = State.guard(VD)) {
    if (G->Owns)
      for (const AccessPath &Lock : G->Mutexes)
        release(Lock, VD->getEndLoc());
    G->Owns = false;
    return;
  }
  // A jthread joins in its destructor; so does a std::async future.
  if (isJThreadType(VD->getType()) || isFutureType(VD->getType()))
    joinHandle(AccessPath::local(VD));
}

//===----------------------------------------------------------------------===//
// Threads
//===----------------------------------------------------------------------===//

void SummaryBuilder::startThread(const Stmt *S, const ThreadStartCall &Call,
                                 std::optional<AccessPath> Handle) {
  bool InLoopBody =
      CurrentBlock && LoopBlocks.contains(CurrentBlock->getBlockID());
  StartSite *&Site = StartAt[S];
  if (!Site) {
    Out.Starts.push_back(StartSite{S, Call});
    Site = &Out.Starts.back();
    Site->InLoop = InLoopBody;
    const auto *Entry = Call.Entry;
    for (unsigned I = 0; I < Call.Args.size(); ++I) {
      std::optional<AccessPath> V;
      const Expr *Arg = Call.Args[I];
      bool ByReference = Entry && I < Entry->getNumParams() &&
                         Entry->getParamDecl(I)->getType()->isReferenceType();
      // std::thread copies its arguments: only pointers and std::ref reach
      // the caller's memory.
      if (Call.Kind == StartKind::PthreadCreate ||
          Arg->getType()->isPointerType() ||
          (ByReference && !Arg->getType()->isRecordType()) ||
          isa<CallExpr>(skipTemporaries(Arg)))
        V = valuePath(skipTemporaries(Arg));
      Site->PerInstanceArg.push_back(
          InLoopBody && namesMemoryPerIteration(skipTemporaries(Arg)));
      Site->ArgValues.push_back(V);
    }
    if (Call.Object) {
      const Expr *Object = skipTemporaries(Call.Object);
      if (isa<LambdaExpr>(Object))
        Site->ObjectValue = AccessPath::thisObject();
      else if (Object->getType()->isPointerType()) {
        if (auto V = valuePath(Object))
          Site->ObjectValue = V->deref();
      } else if (isa<CXXMethodDecl>(Call.Entry) &&
                 cast<CXXMethodDecl>(Call.Entry)->getOverloadedOperator() ==
                     OO_Call) {
        // A functor is copied into the thread: its own fields are private,
        // what they point to is not.
        Site->ObjectValue = AccessPath::fresh(Object);
        Site->ObjectCopiedFrom = lvaluePath(Object);
        if (!Site->ObjectCopiedFrom)
          Site->ObjectMembers = memberValues(Object);
      } else {
        Site->ObjectValue = lvaluePath(Object);
      }
    }
  }
  if (Recording)
    Site->LiveBefore.assign(State.Live.begin(), State.Live.end());
  LiveStart *&Live = LocalLive[Site];
  if (!Live) {
    Out.LiveStarts.push_back(LiveStart{Site, nullptr, nullptr, Handle});
    Live = &Out.LiveStarts.back();
  }
  // Instances overlap only if the start comes round again while an earlier
  // one still runs: a loop that joins each thread before the next iteration
  // runs them one at a time.
  if (Recording)
    Site->InLoop = InLoopBody && llvm::is_contained(State.Live, Live);
  if (Handle)
    setHandle(S, *Handle);
  State.addLive(Live);
}

/// The value a pointer or reference member is initialised with: the address
/// it holds.
std::optional<AccessPath> SummaryBuilder::memberValue(const FieldDecl *Field,
                                                      const Expr *Init) {
  if (Field->getType()->isReferenceType()) {
    if (auto Referent = lvaluePath(Init))
      return Referent->addressOf();
    return std::nullopt;
  }
  if (Field->getType()->isPointerType())
    return valuePath(Init);
  return std::nullopt;
}

/// What the pointer and reference members of an object made on the spot
/// hold: an aggregate's initialisers, or the constructor arguments its
/// member initialisers copy.
std::vector<std::pair<const FieldDecl *, AccessPath>>
SummaryBuilder::memberValues(const Expr *Object) {
  std::vector<std::pair<const FieldDecl *, AccessPath>> Values;
  auto Add = [&](const FieldDecl *Field, const Expr *Init) {
    if (auto V = memberValue(Field, Init))
      Values.push_back({Field, *V});
  };
  if (const auto *List = dyn_cast<InitListExpr>(Object)) {
    const RecordDecl *Record = List->getType()->getAsRecordDecl();
    if (!Record || Record->isUnion())
      return Values;
    unsigned I = 0;
    for (const FieldDecl *Field : Record->fields())
      if (I < List->getNumInits())
        Add(Field, List->getInit(I++));
    return Values;
  }
  const auto *Construct = dyn_cast<CXXConstructExpr>(Object);
  if (!Construct)
    return Values;
  for (const CXXCtorInitializer *Init : Construct->getConstructor()->inits()) {
    if (!Init->isMemberInitializer() || !Init->getInit())
      continue;
    const auto *Param =
        dyn_cast<DeclRefExpr>(Init->getInit()->IgnoreImplicit());
    const auto *ParamDecl =
        Param ? dyn_cast<ParmVarDecl>(Param->getDecl()) : nullptr;
    if (ParamDecl &&
        ParamDecl->getFunctionScopeIndex() < Construct->getNumArgs())
      Add(Init->getMember(),
          Construct->getArg(ParamDecl->getFunctionScopeIndex()));
  }
  return Values;
}

/// An argument evaluated anew for every start in a loop that names new
/// memory each time: an allocation in the argument itself, or the element
/// of an array at a varying index (&slots[i]).
bool SummaryBuilder::namesMemoryPerIteration(const Expr *Arg) {
  Arg = Arg->IgnoreParenCasts();
  if (isa<CXXNewExpr>(Arg))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(Arg))
    if (auto V = valuePath(Call))
      return V->rootKind() == RootKind::Fresh;
  const auto *U = dyn_cast<UnaryOperator>(Arg);
  if (!U || U->getOpcode() != UO_AddrOf)
    return false;
  const Expr *Sub = U->getSubExpr()->IgnoreParenImpCasts();
  const Expr *Index = nullptr;
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(Sub))
    Index = AS->getIdx();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Sub);
           Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
    Index = Op->getArg(1);
  return Index && !Index->isValueDependent() &&
         !Index->isIntegerConstantExpr(Context);
}

void SummaryBuilder::setHandle(const Stmt *Start, const AccessPath &Handle) {
  StartSite *Site = StartAt.lookup(Start);
  if (!Site)
    return;
  LiveStart *Live = LocalLive.lookup(Site);
  if (!Live)
    return;
  Live->Handle = Handle;
  // Starting into a container again re-opens it after an earlier join loop.
  llvm::erase_if(State.JoinedContainers,
                 [&](const AccessPath &C) { return C == Handle; });
}

/// An unnamed std::async future is destroyed at the end of its statement,
/// and its destructor waits for the task: the task runs within that
/// statement, never beside a later one (nor, in a loop, beside itself).
void SummaryBuilder::joinUnnamedFuture(const Stmt *Start) {
  StartSite *Site = StartAt.lookup(Start);
  LiveStart *Live = Site ? LocalLive.lookup(Site) : nullptr;
  if (!Live)
    return;
  llvm::erase_if(State.Live, [&](const LiveStart *L) { return L == Live; });
}

void SummaryBuilder::joinHandle(const AccessPath &Handle) {
  if (!Handle.steps().empty() &&
      (Handle.steps().back().Kind == StepKind::Element ||
       Handle.steps().back().Kind == StepKind::DistinctElement) &&
      llvm::find(State.JoinedContainers, Handle) ==
          State.JoinedContainers.end())
    State.JoinedContainers.push_back(Handle);
  llvm::erase_if(State.Live, [&](const LiveStart *L) {
    if (!L->Handle)
      return false;
    return *L->Handle == Handle || L->Handle->startsWith(Handle) ||
           Handle.startsWith(*L->Handle);
  });
  if (Recording && Handle.rootKind() != RootKind::Local &&
      llvm::find(Out.JoinedHandles, Handle) == Out.JoinedHandles.end())
    Out.JoinedHandles.push_back(Handle);
}

void SummaryBuilder::handleOp(const HandleOp &Op, const CallExpr *Call) {
  const Expr *HandleExpr = Op.Handle->IgnoreParenImpCasts();
  if (Op.Kind == HandleOpKind::Join)
    recordBlocking(BlockingKind::Join, Call);
  // std::thread(f).detach(): the handle is the start itself.
  if (StartSite *Site = StartAt.lookup(skipTemporaries(HandleExpr))) {
    if (Op.Kind == HandleOpKind::Detach && Recording)
      Out.Detaches.push_back({LocalLive.lookup(Site), Call});
    return;
  }
  std::optional<AccessPath> Handle = lvaluePath(HandleExpr);
  if (!Handle)
    return;
  // A detached thread runs on; only a join ends its overlap with us.
  if (Op.Kind == HandleOpKind::Join) {
    joinHandle(*Handle);
    return;
  }
  if (!Recording)
    return;
  for (const LiveStart *L : State.Live)
    if (L->Handle && (*L->Handle == *Handle || L->Handle->withPlainElements() ==
                                                   Handle->withPlainElements()))
      Out.Detaches.push_back({L, Call});
}

void SummaryBuilder::recordBlocking(BlockingKind Kind, const CallExpr *Call) {
  if (!Recording)
    return;
  std::string Callee;
  if (const FunctionDecl *FD = Call->getDirectCallee())
    Callee = FD->getQualifiedNameAsString();
  Out.BlockingCalls.push_back({Kind, Call, std::move(Callee), State.Locks});
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

std::optional<AccessPath> SummaryBuilder::mapCalleePath(const AccessPath &P,
                                                        const CallSite &Call) {
  switch (P.rootKind()) {
  case RootKind::Global:
    return P;
  case RootKind::Param: {
    unsigned I = P.paramIndex();
    if (I >= Call.ArgValues.size() || !Call.ArgValues[I])
      return std::nullopt;
    return P.rebase(*Call.ArgValues[I]);
  }
  case RootKind::This:
    if (!Call.ThisValue)
      return std::nullopt;
    return P.rebase(*Call.ThisValue);
  case RootKind::Local:
  case RootKind::Fresh:
    return std::nullopt;
  }
  llvm_unreachable("unknown root kind");
}

void SummaryBuilder::callSummarized(const FunctionDecl *Callee,
                                    const Expr *Site,
                                    llvm::ArrayRef<const Expr *> Args,
                                    std::optional<AccessPath> ThisValue,
                                    bool Virtual) {
  CallSite Call;
  Call.Callee = Callee;
  Call.Where = Site;
  Call.ThisValue = std::move(ThisValue);
  Call.Virtual = Virtual;
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    QualType ParamType = Callee->getParamDecl(I)->getType();
    std::optional<AccessPath> V;
    if (ParamType->isReferenceType()) {
      if (auto P = lvaluePath(Args[I]))
        V = P->addressOf();
    } else if (ParamType->isPointerType()) {
      V = valuePath(Args[I]);
    }
    Call.ArgValues.push_back(V);
  }
  Call.Locks = State.Locks;
  Call.Live.assign(State.Live.begin(), State.Live.end());

  const FunctionSummary *Summary = Cache.get(Callee);
  if (Summary) {
    auto Map = [&](const AccessPath &In, AccessPath &Result) {
      auto R = mapCalleePath(In, Call);
      if (R)
        Result = *R;
      return R.has_value();
    };
    for (const AccessPath &Lock : Summary->ReleasedUnheld) {
      AccessPath Mapped;
      if (Map(Lock, Mapped))
        release(Mapped, Site->getExprLoc());
    }
    for (const HeldLock &H : Summary->AcquiredOnExit.locks()) {
      AccessPath Mapped;
      if (Map(H.Lock, Mapped))
        acquire(Mapped, Site->getExprLoc(), H.Shared);
    }
    for (const auto &[Lock, At] : Summary->ReleasesBeforeExit) {
      AccessPath Mapped;
      if (Map(Lock, Mapped))
        State.noteRelease(Mapped, At);
    }
    for (const AccessPath &Handle : Summary->JoinedHandles) {
      AccessPath Mapped;
      if (Map(Handle, Mapped))
        joinHandle(Mapped);
    }
    for (const LiveStart *Inner : Summary->LiveAtExit) {
      LiveStart *&Imported = ImportedLive[{Site, Inner}];
      if (!Imported) {
        std::optional<AccessPath> Handle;
        AccessPath Mapped;
        if (Inner->Handle && Map(*Inner->Handle, Mapped))
          Handle = Mapped;
        Out.LiveStarts.push_back(LiveStart{Inner->Site, Site, Inner, Handle});
        Imported = &Out.LiveStarts.back();
      }
      State.addLive(Imported);
    }
  }
  if (!Recording)
    return;
  // A setter writing its parameter's value, fed a value the caller read
  // from the same location: the caller's read-modify-write, split in two.
  if (Summary)
    for (auto [AccessIndex, ParamIndex] : Summary->ParamWrites) {
      if (ParamIndex >= Args.size())
        continue;
      const Access &W = Summary->Accesses[AccessIndex];
      auto Target = mapCalleePath(W.Path, Call);
      if (!Target)
        continue;
      for (const ValueOrigin &O : originsOf(Args[ParamIndex])) {
        if (O.Param || O.Path != *Target)
          continue;
        Access Derived = W;
        Derived.Path = *Target;
        Derived.Locks = Call.Locks;
        Derived.Locks.unite(
            W.Locks.mapPaths([&](const AccessPath &In, AccessPath &Result) {
              auto R = mapCalleePath(In, Call);
              if (R)
                Result = *R;
              return R.has_value();
            }));
        Derived.Live = Call.Live;
        UpdateSource U;
        U.Form = UpdateForm::Recomputed;
        U.ReadLoc = O.Loc;
        U.ReadLocks = O.Locks;
        for (const HeldLock &H : O.Locks.locks())
          if (const HeldLock *Now = Derived.Locks.find(H.Lock);
              Now && Now->AcquiredAt != H.AcquiredAt)
            U.ReleasedAt = State.lastRelease(H.Lock);
        Derived.Update = U;
        Out.Accesses.push_back(std::move(Derived));
        break;
      }
    }
  Out.Calls.push_back(std::move(Call));
}

//===----------------------------------------------------------------------===//
// Transfer functions
//===----------------------------------------------------------------------===//

void SummaryBuilder::VisitImplicitCastExpr(const ImplicitCastExpr *E) {
  if (E->getCastKind() != CK_LValueToRValue)
    return;
  recordAccessTo(E->getSubExpr(), AccessKind::Read, E, false);
}

void SummaryBuilder::VisitBinaryOperator(const BinaryOperator *E) {
  if (E->getOpcode() == BO_Assign) {
    recordWrite(E->getLHS(), E->getRHS(), E, false);
    if (Recording)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(E->getLHS()->IgnoreParenImpCasts()))
        if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
            Var && isOwnLocal(Var))
          LocalOrigins[Var] = originsOf(E->getRHS());
    return;
  }
  if (!E->isCompoundAssignmentOp())
    return;
  bool Atomic = isAtomicType(E->getLHS()->getType());
  std::optional<UpdateSource> U;
  if (!Atomic)
    U = UpdateSource{UpdateForm::Compound, E->getExprLoc(), State.Locks, {}};
  recordAccessTo(E->getLHS(), AccessKind::Write, E, Atomic, U);
}

void SummaryBuilder::VisitUnaryOperator(const UnaryOperator *E) {
  if (E->getOpcode() == UO_AddrOf) {
    noteAddressTaken(E->getSubExpr());
    return;
  }
  if (!E->isIncrementDecrementOp())
    return;
  bool Atomic = isAtomicType(E->getSubExpr()->getType());
  std::optional<UpdateSource> U;
  if (!Atomic)
    U = UpdateSource{E->isIncrementOp() ? UpdateForm::Increment
                                        : UpdateForm::Decrement,
                     E->getExprLoc(),
                     State.Locks,
                     {}};
  recordAccessTo(E->getSubExpr(), AccessKind::Write, E, Atomic, U);
}

void SummaryBuilder::noteAddressTaken(const Expr *Sub) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(Sub->IgnoreParenImpCasts()))
    Escaped.insert(DRE->getDecl());
}

void SummaryBuilder::VisitLambdaExpr(const LambdaExpr *E) {
  for (const LambdaCapture &C : E->captures())
    if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef)
      Escaped.insert(C.getCapturedVar());
}

void SummaryBuilder::VisitAtomicExpr(const AtomicExpr *E) {
  auto Ptr = valuePath(E->getPtr());
  if (!Ptr || !Recording)
    return;
  AccessPath Target = Ptr->deref();
  switch (E->getOp()) {
  case AtomicExpr::AO__c11_atomic_load:
  case AtomicExpr::AO__atomic_load_n:
  case AtomicExpr::AO__atomic_load:
    record(Target, AccessKind::Read, E, true);
    return;
  case AtomicExpr::AO__c11_atomic_store:
  case AtomicExpr::AO__atomic_store_n:
  case AtomicExpr::AO__atomic_store:
    record(Target, AccessKind::Write, E, true,
           updateFromOrigins(Target, E->getVal1(), /*Atomic=*/true));
    return;
  default:
    record(Target, AccessKind::Write, E, true);
    return;
  }
}

void SummaryBuilder::VisitCallExpr(const CallExpr *E) {
  if (auto Op = classifyLockCall(E)) {
    applyLockOp(*Op, E);
    return;
  }
  if (auto Op = classifyConfiguredLock(E, Cache.hints())) {
    applyLockOp(*Op, E);
    return;
  }
  if (auto Start = classifyConfiguredStart(E, Cache.hints())) {
    startThread(E, *Start, std::nullopt);
    return;
  }
  if (auto Start = classifyThreadStart(E)) {
    std::optional<AccessPath> Handle;
    if (Start->HandleOut) {
      if (auto H = valuePath(Start->HandleOut))
        Handle = H->deref();
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      if (auto Object = objectPath(MC)) {
        Handle = Object->withStep({StepKind::Element});
      }
    }
    startThread(E, *Start, Handle);
    if (Start->Kind == StartKind::Async && DiscardedValues.contains(E))
      joinUnnamedFuture(E);
    return;
  }
  if (auto Op = classifyHandleOp(E)) {
    handleOp(*Op, E);
    return;
  }
  if (auto Kind = classifyBlockingCall(E))
    recordBlocking(*Kind, E);
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (MC && MC->getNumArgs() >= 1 &&
      isThreadHandleType(MC->getArg(0)->getType()))
    // threads.push_back(std::thread(f)): the container is the handle.
    if (const auto *Construct =
            dyn_cast<CXXConstructExpr>(skipTemporaries(MC->getArg(0))))
      if (auto Object = objectPath(MC))
        setHandle(Construct, Object->withStep({StepKind::Element}));
  if (MC)
    if (auto M = classifyGuardMethod(MC)) {
      applyGuardMethod(*M, MC);
      return;
    }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() >= 1) {
    // The thread handle is taken over: t = std::thread(f).
    const Expr *Object = Op->getArg(0);
    if (Op->getOperator() == OO_Equal &&
        isThreadHandleType(Object->getType()) && Op->getNumArgs() == 2)
      if (auto Start = classifyThreadStart(skipTemporaries(Op->getArg(1))))
        if (auto Handle = lvaluePath(Object))
          startThread(skipTemporaries(Op->getArg(1)), *Start, Handle);
    if (isAtomicType(Object->getType())) {
      AccessKind Kind = Op->getOperator() == OO_Equal || Op->isAssignmentOp() ||
                                Op->getOperator() == OO_PlusPlus ||
                                Op->getOperator() == OO_MinusMinus
                            ? AccessKind::Write
                            : AccessKind::Read;
      if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
        recordWrite(Object, Op->getArg(1), E, true);
      else
        recordAccessTo(Object, Kind, E, true);
      return;
    }
  }
  const FunctionDecl *Callee = E->getDirectCallee();
  if (MC) {
    const Expr *Object = MC->getImplicitObjectArgument();
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (Object && MD && isAtomicType(Object->getType())) {
      StringRef Name = MD->getIdentifier() ? MD->getName() : "";
      if (Name == "store" && MC->getNumArgs() >= 1)
        recordWrite(Object, MC->getArg(0), E, true);
      else if (Name == "load" || isa<CXXConversionDecl>(MD))
        recordAccessTo(Object, AccessKind::Read, E, true);
      else
        recordAccessTo(Object, AccessKind::Write, E, true);
      return;
    }
    if (Object && MD && isLibraryMethod(MD) && Recording) {
      // Library objects shared by threads: a non-const method changes them.
      auto P = objectPath(MC);
      std::string Name = MD->getNameAsString();
      if (P && worthRecording(*P, Object->getType()))
        record(*P,
               MD->isConst() || isElementAccessor(Name) ? AccessKind::Read
                                                        : AccessKind::Write,
               E, false);
    }
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && Op->getNumArgs() >= 1 && Recording) {
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (Method && isLibraryMethod(Method)) {
      const Expr *Object = Op->getArg(0);
      auto P = lvaluePath(Object);
      std::string Name = Method->getNameAsString();
      if (P && worthRecording(*P, Object->getType()))
        record(*P,
               Method->isConst() || isElementAccessor(Name) ? AccessKind::Read
                                                            : AccessKind::Write,
               E, false);
    }
  }
  if (!Callee)
    return;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
      Op && isa<CXXMethodDecl>(Callee) && Op->getNumArgs() >= 1) {
    // A call of a lambda or functor: 'this' inside a lambda is ours.
    const auto *Method = cast<CXXMethodDecl>(Callee);
    std::optional<AccessPath> This = Method->getParent()->isLambda()
                                         ? AccessPath::thisObject()
                                         : lvaluePath(Op->getArg(0));
    llvm::SmallVector<const Expr *, 4> Args(Op->arg_begin() + 1, Op->arg_end());
    if (isAnalysable(Callee, Context))
      callSummarized(Callee, E, Args, This, false);
    return;
  }
  llvm::SmallVector<const Expr *, 4> Args(E->arg_begin(), E->arg_end());
  // Passing a local by non-const reference lets the callee share it.
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
    if (Callee->getParamDecl(I)->getType()->isReferenceType())
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(Args[I]->IgnoreParenImpCasts()))
        Escaped.insert(DRE->getDecl());
  // A virtual call is resolved against the object's type when composing,
  // so the static callee needs no body here (it may be pure).
  const auto *MD = MC ? MC->getMethodDecl() : nullptr;
  // Base::run() with a qualifier is a direct call, not a virtual one.
  const auto *Member =
      MC ? dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens()) : nullptr;
  bool Virtual = MD && MD->isVirtual() && Member && !Member->hasQualifier();
  if (!Virtual && !isAnalysable(Callee, Context))
    return;
  std::optional<AccessPath> This;
  if (MC)
    This = objectPath(MC);
  callSummarized(Callee, E, Args, This, Virtual);
}

void SummaryBuilder::VisitCXXConstructExpr(const CXXConstructExpr *E) {
  if (auto Start = classifyThreadStart(E)) {
    // The handle is named by whoever owns the object; see VisitDeclStmt.
    startThread(E, *Start, std::nullopt);
    return;
  }
  // A guard's construction takes effect when its variable is declared (see
  // VisitDeclStmt); an unnamed guard locks and unlocks at once.
  if (classifyGuardConstruction(E))
    return;
  // Copying a shared object reads it.
  if (E->getConstructor()->isCopyOrMoveConstructor() && E->getNumArgs() == 1)
    recordAccessTo(E->getArg(0), AccessKind::Read, E, false);
}

void SummaryBuilder::VisitDeclStmt(const DeclStmt *S) {
  for (const Decl *D : S->decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var || !Var->getInit())
      continue;
    const Expr *Init = skipTemporaries(Var->getInit());
    QualType T = Var->getType();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init)) {
      if (auto Guard = classifyGuardConstruction(Construct)) {
        constructGuard(Var, *Guard, Construct->getExprLoc());
        continue;
      }
      if (classifyThreadStart(Construct)) {
        if (auto Handle = declPath(Var))
          setHandle(Construct, *Handle);
        continue;
      }
    }
    // auto f = std::async(...): the future is the handle its get() joins
    // (an unnamed one waits at the end of its statement, joinUnnamedFuture).
    if (isa<CallExpr>(Init) && StartAt.count(Init)) {
      if (auto Handle = declPath(Var))
        setHandle(Init, *Handle);
      continue;
    }
    if (Var->isCXXForRangeDecl() || T->isReferenceType()) {
      if (auto P = lvaluePath(Init))
        Aliases[Var] = P->addressOf();
      if (T->isReferenceType())
        continue;
    }
    if (T->isPointerType() || T->isRecordType()) {
      if (auto V = valuePath(Init))
        Aliases[Var] = *V;
    }
    if (isPerThreadValue(Init))
      PerThread.insert(Var);
    if (Recording)
      LocalOrigins[Var] = originsOf(Var->getInit());
  }
}

void SummaryBuilder::VisitReturnStmt(const ReturnStmt *S) {
  if (!Recording || !S->getRetValue())
    return;
  for (ValueOrigin &O : originsOf(S->getRetValue()))
    if (O.Param || O.Path.rootKind() != RootKind::Local)
      Out.ReturnOrigins.push_back(std::move(O));
}

void SummaryBuilder::transfer(const CFGElement &Element) {
  if (auto S = Element.getAs<CFGStmt>()) {
    Visit(S->getStmt());
    return;
  }
  if (auto Dtor = Element.getAs<CFGAutomaticObjDtor>()) {
    destroyVariable(Dtor->getVarDecl());
    return;
  }
  if (auto Init = Element.getAs<CFGInitializer>()) {
    const CXXCtorInitializer *I = Init->getInitializer();
    if (!I->isMemberInitializer() || !I->getInit())
      return;
    const Expr *E = skipTemporaries(I->getInit());
    if (auto Start = classifyThreadStart(E))
      startThread(E, *Start, AccessPath::thisObject().field(I->getMember()));
    return;
  }
}

/// try_lock() and pthread_mutex_trylock() take the lock on one edge only.
void SummaryBuilder::transferEdge(const CFGBlock *From, const CFGBlock *To,
                                  FlowState &Edge) {
  const Stmt *Cond = From->getTerminatorCondition();
  if (!Cond || From->succ_size() != 2)
    return;
  const Expr *E = cast<Expr>(Cond)->IgnoreParenImpCasts();
  bool OnTrue = true;
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot) {
    OnTrue = false;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  bool ComparedToZero = false;
  if (const auto *B = dyn_cast<BinaryOperator>(E); B && B->isEqualityOp()) {
    const Expr *Other = B->getRHS()->IgnoreParenImpCasts();
    if (!isa<IntegerLiteral>(Other) ||
        cast<IntegerLiteral>(Other)->getValue() != 0)
      return;
    ComparedToZero = true;
    if (B->getOpcode() == BO_NE)
      OnTrue = !OnTrue;
    E = B->getLHS()->IgnoreParenImpCasts();
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return;
  std::optional<LockOp> Op = classifyLockCall(Call);
  std::optional<GuardMethod> GM;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    GM = classifyGuardMethod(MC);
  if (!(Op && Op->Kind == LockOpKind::TryAcquire) && GM != GuardMethod::TryLock)
    return;
  bool SuccessIsTrue = Op ? !Op->SuccessIsZero : true;
  if (ComparedToZero)
    SuccessIsTrue = !SuccessIsTrue; // "== 0" holds when the call returned 0.
  bool SuccessEdgeIsFirst = SuccessIsTrue == OnTrue;
  const CFGBlock *SuccessBlock =
      SuccessEdgeIsFirst ? *From->succ_begin() : *(From->succ_begin() + 1);
  if (To != SuccessBlock)
    return;
  std::swap(State, Edge);
  InTryEdge = true;
  if (Op) {
    LockOp Taken = *Op;
    Taken.Kind = LockOpKind::Acquire;
    applyLockOp(Taken, Call);
  } else {
    applyGuardMethod(GuardMethod::Lock, cast<CXXMemberCallExpr>(Call));
  }
  InTryEdge = false;
  std::swap(State, Edge);
}

/// Marks the blocks that lie on a cycle (Tarjan's strongly connected
/// components, iteratively). Edges that Clang pruned as unreachable are null
/// successors and are skipped, which the generic graph iterators don't do.
void SummaryBuilder::computeLoopBlocks(const CFG &Graph) {
  unsigned N = Graph.getNumBlockIDs();
  std::vector<int> Index(N, -1), LowLink(N, 0);
  std::vector<bool> OnStack(N, false);
  std::vector<const CFGBlock *> Stack;
  int Next = 0;
  struct Frame {
    const CFGBlock *Block;
    CFGBlock::const_succ_iterator Succ;
  };
  for (const CFGBlock *Root : Graph) {
    if (Index[Root->getBlockID()] >= 0)
      continue;
    std::vector<Frame> Work{{Root, Root->succ_begin()}};
    Index[Root->getBlockID()] = LowLink[Root->getBlockID()] = Next++;
    Stack.push_back(Root);
    OnStack[Root->getBlockID()] = true;
    while (!Work.empty()) {
      Frame &F = Work.back();
      unsigned Id = F.Block->getBlockID();
      if (F.Succ != F.Block->succ_end()) {
        const CFGBlock *Succ = *F.Succ++;
        if (!Succ)
          continue;
        unsigned SuccId = Succ->getBlockID();
        if (SuccId == Id)
          LoopBlocks.insert(Id);
        if (Index[SuccId] < 0) {
          Index[SuccId] = LowLink[SuccId] = Next++;
          Stack.push_back(Succ);
          OnStack[SuccId] = true;
          Work.push_back({Succ, Succ->succ_begin()});
        } else if (OnStack[SuccId]) {
          LowLink[Id] = std::min(LowLink[Id], Index[SuccId]);
        }
        continue;
      }
      if (LowLink[Id] == Index[Id]) {
        std::vector<unsigned> Component;
        const CFGBlock *Member;
        do {
          Member = Stack.back();
          Stack.pop_back();
          OnStack[Member->getBlockID()] = false;
          Component.push_back(Member->getBlockID());
        } while (Member != F.Block);
        if (Component.size() > 1)
          LoopBlocks.insert(Component.begin(), Component.end());
      }
      Work.pop_back();
      if (!Work.empty()) {
        unsigned Parent = Work.back().Block->getBlockID();
        LowLink[Parent] = std::min(LowLink[Parent], LowLink[Id]);
      }
    }
  }
}

void SummaryBuilder::finish(const FlowState &ExitState) {
  Out.AcquiredOnExit =
      ExitState.Locks.mapPaths([](const AccessPath &In, AccessPath &Result) {
        Result = In;
        return In.rootKind() != RootKind::Local;
      });
  for (const LiveStart *L : ExitState.Live)
    Out.LiveAtExit.push_back(L);
  for (const auto &[Lock, At] : ExitState.LastRelease)
    if (Lock.rootKind() != RootKind::Local)
      Out.ReleasesBeforeExit.push_back({Lock, At});
}

/// The expression a statement evaluates for its effects only, (void) casts
/// and temporaries' wrappers removed.
static const Expr *discardedValue(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  while (E) {
    E = skipTemporaries(E);
    const auto *Cast = dyn_cast<ExplicitCastExpr>(E);
    if (!Cast || !Cast->getType()->isVoidType())
      return E;
    E = Cast->getSubExpr();
  }
  return nullptr;
}

void SummaryBuilder::collectDiscardedValues(const Stmt *Body) {
  // Statements only: expressions can nest deeper than the stack allows, and
  // a lambda's body is a function of its own.
  llvm::SmallVector<const Stmt *, 32> Work{Body};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    llvm::SmallVector<const Stmt *, 4> Discarding;
    if (const auto *Block = dyn_cast<CompoundStmt>(S))
      llvm::append_range(Discarding, Block->body());
    else if (const auto *If = dyn_cast<IfStmt>(S))
      Discarding = {If->getThen(), If->getElse()};
    else if (const auto *For = dyn_cast<ForStmt>(S))
      Discarding = {For->getBody(), For->getInc()};
    else if (const auto *While = dyn_cast<WhileStmt>(S))
      Discarding = {While->getBody()};
    else if (const auto *Do = dyn_cast<DoStmt>(S))
      Discarding = {Do->getBody()};
    else if (const auto *Range = dyn_cast<CXXForRangeStmt>(S))
      Discarding = {Range->getBody()};
    else if (const auto *Case = dyn_cast<SwitchCase>(S))
      Discarding = {Case->getSubStmt()};
    else if (const auto *Label = dyn_cast<LabelStmt>(S))
      Discarding = {Label->getSubStmt()};
    else if (const auto *Attributed = dyn_cast<AttributedStmt>(S))
      Discarding = {Attributed->getSubStmt()};
    for (const Stmt *D : Discarding)
      if (const Expr *E = discardedValue(D))
        DiscardedValues.insert(E);
    for (const Stmt *Child : S->children())
      if (Child && !isa<Expr>(Child))
        Work.push_back(Child);
  }
}

void SummaryBuilder::build() {
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddInitializers = true;
  Options.setAllAlwaysAdd();
  // Temporary destructors would add branches for every std::string
  // temporary; guards and threads are named variables.
  Options.AddTemporaryDtors = false;
  Stmt *Body = FD->getBody();
  std::unique_ptr<CFG> Graph = CFG::buildCFG(FD, Body, &Context, Options);
  if (!Graph)
    return;
  computeLoopBlocks(*Graph);
  collectDiscardedValues(Body);

  // Locksets shrink and live sets grow monotonically, so this terminates;
  // the round limit guards against pathological graphs.
  FlowState Exit = runForwardDataflow(
      *Graph, /*MaxRounds=*/8, State,
      [&](const CFGBlock *B) {
        CurrentBlock = B;
        for (const CFGElement &E : *B)
          transfer(E);
      },
      [&](const CFGBlock *From, const CFGBlock *To, FlowState &Edge) {
        transferEdge(From, To, Edge);
      },
      [&] { Recording = true; });
  finish(Exit);
}

const FunctionSummary *SummaryCache::get(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  if (const FunctionDecl *Def = FD->getDefinition())
    FD = Def;
  if (!isAnalysable(FD, Context))
    return nullptr;
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return It->second.get();
  // Recursion, or a call chain deeper than anyone writes by hand.
  constexpr unsigned MaxDepth = 64;
  if (InProgress.lookup(FD) || Depth >= MaxDepth)
    return nullptr;
  InProgress[FD] = true;
  ++Depth;
  auto Summary = std::make_unique<FunctionSummary>();
  SummaryBuilder(*this, FD, *Summary).build();
  if (!Hints.SingleThreadFunctions.empty())
    Summary->SingleThread = llvm::is_contained(Hints.SingleThreadFunctions,
                                               FD->getQualifiedNameAsString());
  --Depth;
  InProgress[FD] = false;
  return (Summaries[FD] = std::move(Summary)).get();
}

} // namespace racelint
