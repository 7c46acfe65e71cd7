//===--- LockRelease.cpp - Locks some path leaves held --------------------===//
//
// lock-not-released is intra-procedural and flow-sensitive. The summaries'
// locksets are must-sets (what every path holds); a leak is what some path
// holds, so this file runs its own small may-held walk over each function's
// CFG with LockModel's recognizers: to a fixpoint, then one recording pass
// in reverse post-order. Guards are left out: they release on every path.
//
//===----------------------------------------------------------------------===//
#include "ForwardDataflow.h"
#include "LockFinding.h"
#include "LockModel.h"
#include "ProgramModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"

#include <map>

using namespace clang;

namespace racelint {

namespace {

/// An acquisition that may still hold its lock on some path.
struct Hold {
  AccessPath Lock;
  const Expr *Site;
  bool Shared = false;
  /// A jump out of the acquisition's scope taken while it was held.
  SourceLocation Via;
  ExitKind ViaKind = ExitKind::Break;
};

/// What the paths reaching a point may have done to one lock.
struct LockStatus {
  AccessPath Lock;
  /// Some path has not touched the lock: the caller may hold it.
  bool MayBeUntouched = true;
  /// Where some path released it, or failed to take it.
  SourceLocation NotHeldAt;
  bool NotHeldByTry = false;
  /// A recursive mutex: taken as often as it is released.
  /// FIXME: counts are not kept, so its releases are not judged.
  bool Recursive = false;
};

/// The lattice value: a may-set of holds and, per lock touched, what the
/// paths did. Both only grow, so the walk reaches a fixpoint; the
/// locations carried along are for messages and do not take part.
struct MayHeldState {
  bool Reached = false;
  llvm::SmallVector<Hold, 2> Holds;
  llvm::SmallVector<LockStatus, 2> Statuses;

  LockStatus *status(const AccessPath &L) {
    for (LockStatus &S : Statuses)
      if (S.Lock == L)
        return &S;
    return nullptr;
  }
  const LockStatus *status(const AccessPath &L) const {
    return const_cast<MayHeldState *>(this)->status(L);
  }
  LockStatus &touch(const AccessPath &L) {
    if (LockStatus *S = status(L))
      return *S;
    Statuses.push_back({L, true, {}, false, false});
    return Statuses.back();
  }
  Hold *hold(const AccessPath &L, const Expr *Site) {
    for (Hold &H : Holds)
      if (H.Site == Site && H.Lock == L)
        return &H;
    return nullptr;
  }

  bool join(const MayHeldState &O) {
    if (!O.Reached)
      return false;
    if (!Reached) {
      *this = O;
      return true;
    }
    bool Changed = false;
    for (const Hold &H : O.Holds) {
      Hold *Mine = hold(H.Lock, H.Site);
      if (!Mine) {
        Holds.push_back(H);
        Changed = true;
      } else if (Mine->Via.isInvalid() && H.Via.isValid()) {
        Mine->Via = H.Via;
        Mine->ViaKind = H.ViaKind;
        Changed = true;
      }
    }
    for (LockStatus &S : Statuses)
      if (!O.status(S.Lock) && !S.MayBeUntouched) {
        S.MayBeUntouched = true;
        Changed = true;
      }
    for (const LockStatus &OS : O.Statuses) {
      LockStatus *Mine = status(OS.Lock);
      if (!Mine) {
        Statuses.push_back(OS);
        Statuses.back().MayBeUntouched = true;
        Changed = true;
        continue;
      }
      if (OS.MayBeUntouched && !Mine->MayBeUntouched) {
        Mine->MayBeUntouched = true;
        Changed = true;
      }
      if (OS.NotHeldAt.isValid() && Mine->NotHeldAt.isInvalid()) {
        Mine->NotHeldAt = OS.NotHeldAt;
        Mine->NotHeldByTry = OS.NotHeldByTry;
        Changed = true;
      }
    }
    return Changed;
  }
};

/// A try-lock that decides a branch: which successor took the lock.
struct TryBranch {
  const CallExpr *Call;
  LockOp Op;
  bool SuccessIsFirstEdge;
};

/// if (m.try_lock()), if (!m.try_lock()), if (pthread_mutex_trylock(&m) == 0)
/// and their != / loop forms.
/// FIXME: a try-lock inside && or ||, or whose result is stored first, is
/// not followed; its lock is then treated as unknown.
static std::optional<TryBranch> tryBranchOf(const CFGBlock *B) {
  const Stmt *Cond = B->getTerminatorCondition();
  if (!Cond || B->succ_size() != 2 || !isa<Expr>(Cond))
    return std::nullopt;
  const Expr *E = cast<Expr>(Cond)->IgnoreParenImpCasts();
  bool OnTrue = true;
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot) {
    OnTrue = false;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  bool ComparedToZero = false;
  if (const auto *Bin = dyn_cast<BinaryOperator>(E);
      Bin && Bin->isEqualityOp()) {
    const auto *Zero =
        dyn_cast<IntegerLiteral>(Bin->getRHS()->IgnoreParenImpCasts());
    if (!Zero || Zero->getValue() != 0)
      return std::nullopt;
    ComparedToZero = true;
    if (Bin->getOpcode() == BO_NE)
      OnTrue = !OnTrue;
    E = Bin->getLHS()->IgnoreParenImpCasts();
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call)
    return std::nullopt;
  std::optional<LockOp> Op = classifyLockCall(Call);
  if (!Op || Op->Kind != LockOpKind::TryAcquire)
    return std::nullopt;
  bool SuccessIsTrue = !Op->SuccessIsZero;
  if (ComparedToZero)
    SuccessIsTrue = !SuccessIsTrue;
  return TryBranch{Call, *Op, SuccessIsTrue == OnTrue};
}

static StringRef calleeName(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getIdentifier() ? FD->getName() : StringRef();
}

static bool isRecursiveMutexType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->getIdentifier() && RD->isInStdNamespace() &&
         RD->getName().starts_with("recursive_");
}

/// A std mutex's own lock()/unlock(), called on the object (not a pointer).
static bool isStdMutexMethod(const CallExpr *Call, StringRef Name) {
  const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
  if (!MC || calleeName(Call) != Name)
    return false;
  const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
  if (!ME || ME->isArrow())
    return false;
  const CXXRecordDecl *RD = MC->getRecordDecl();
  return RD && RD->getIdentifier() && RD->isInStdNamespace() &&
         RD->getName().ends_with("mutex");
}

/// Facts about the translation unit the walk of every function shares.
class LockReleaseContext {
public:
  explicit LockReleaseContext(ProgramModel &Model) : Model(Model) {
    for (const FunctionDecl *FD : Model.Functions)
      if (mentions(FD->getBody(), "pthread_mutexattr_settype"))
        PthreadMayBeRecursive = true;
  }

  /// Whether an exception may leave a call to \p Call.
  bool mayThrow(const CallExpr *Call);
  bool isRecursive(const Expr *Mutex) const {
    if (!Mutex)
      return false;
    if (isRecursiveMutexType(Mutex->getType()))
      return true;
    // FIXME: a pthread mutex made recursive by its attributes is told apart
    // only by whether the file sets a mutex type at all.
    return PthreadMayBeRecursive && !Mutex->getType()->isRecordType();
  }

  ProgramModel &Model;

private:
  static bool mentions(const Stmt *S, StringRef Callee);
  bool bodyMayThrow(const Stmt *S, const FunctionDecl *FD);

  bool PthreadMayBeRecursive = false;
  llvm::DenseMap<const FunctionDecl *, bool> Throws;
};

bool LockReleaseContext::mentions(const Stmt *S, StringRef Callee) {
  if (!S)
    return false;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (calleeName(Call) == Callee)
      return true;
  for (const Stmt *Child : S->children())
    if (mentions(Child, Callee))
      return true;
  return false;
}

bool LockReleaseContext::bodyMayThrow(const Stmt *S, const FunctionDecl *FD) {
  if (!S)
    return false;
  // What a try block throws is its handlers' to deal with.
  if (isa<CXXTryStmt>(S) || isa<LambdaExpr>(S))
    return false;
  if (isa<CXXThrowExpr>(S))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (!classifyLockCall(Call) && mayThrow(Call))
      return true;
  for (const Stmt *Child : S->children())
    if (bodyMayThrow(Child, FD))
      return true;
  return false;
}

/// Library code throws when it allocates or parses; the synchronization
/// types, std::this_thread and std::chrono throw only on misuse or for
/// exotic clocks, and counting them would put a note on every region.
/// Whether \p DC is (inside) namespace std.
static bool inStd(const DeclContext *DC) {
  for (; DC; DC = DC->getParent())
    if (DC->isStdNamespace())
      return true;
  return false;
}

static bool mayLibraryThrow(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (isSynchronizationType(QualType(MD->getParent()->getTypeForDecl(), 0)))
      return false;
  // The standard streams' << and >> report failure in the stream's state;
  // they throw only when the program asked for it with exceptions().
  OverloadedOperatorKind Op = FD->getOverloadedOperator();
  if ((Op == OO_LessLess || Op == OO_GreaterGreater) &&
      inStd(FD->getDeclContext()))
    return false;
  for (const DeclContext *DC = FD->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC);
        NS && NS->getIdentifier() &&
        (NS->getName() == "this_thread" || NS->getName() == "chrono"))
      return false;
  return true;
}

bool LockReleaseContext::mayThrow(const CallExpr *Call) {
  const LangOptions &LO = Model.Context.getLangOpts();
  if (!LO.CPlusPlus || !LO.CXXExceptions)
    return false;
  QualType CalleeType = Call->getCallee()->getType();
  if (const auto *Ptr = CalleeType->getAs<PointerType>())
    CalleeType = Ptr->getPointeeType();
  if (const auto *Proto = CalleeType->getAs<FunctionProtoType>();
      Proto && Proto->isNothrow())
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return true;
  if (const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
      Proto && Proto->isNothrow())
    return false;
  // C functions do not throw C++ exceptions.
  if (FD->isExternC() || FD->isInExternCContext() || FD->hasAttr<NoThrowAttr>())
    return false;
  if (!isAnalysable(FD, Model.Context))
    return mayLibraryThrow(FD);
  const FunctionDecl *Def = FD->getDefinition();
  auto It = Throws.find(Def);
  if (It != Throws.end())
    return It->second;
  Throws[Def] = false; // Recursion: assume the cycle itself does not throw.
  bool Result = bodyMayThrow(Def->getBody(), Def);
  Throws[Def] = Result;
  return Result;
}

/// What the recording pass learned about one acquisition site.
struct SiteRecord {
  AccessPath Lock;
  std::vector<LeakingExit> Exits;
};

/// The may-held walk of one function.
class MayHeldWalk {
public:
  MayHeldWalk(LockReleaseContext &TU, const FunctionDecl *FD,
              std::vector<LockReleaseFinding> &Out)
      : TU(TU), Context(TU.Model.Context), FD(FD), Out(Out) {}

  void run();

private:
  // Paths, in the frame of Frame (this function, or a callee whose
  // attributes name its locks).
  std::optional<AccessPath> lvaluePath(const Expr *E,
                                       const FunctionDecl *Frame) const;
  std::optional<AccessPath> valuePath(const Expr *E,
                                      const FunctionDecl *Frame) const;
  std::optional<AccessPath> objectPath(const CXXMemberCallExpr *Call) const;
  std::optional<AccessPath> mutexPath(const Expr *Mutex, const CallExpr *Call,
                                      const FunctionDecl *Frame) const;
  std::optional<AccessPath> mapCalleePath(const AccessPath &P,
                                          const CallExpr *Call,
                                          const FunctionDecl *Callee) const;

  // Transfer.
  void transferBlock(const CFGBlock *B);
  void visitCall(const CallExpr *Call, const CFGBlock *B);
  void applyLockOp(const LockOp &Op, const CallExpr *Call);
  void visitDecl(const DeclStmt *S);
  void transferEdge(const CFGBlock *From, const CFGBlock *To,
                    MayHeldState &Edge);
  void acquire(const AccessPath &L, const Expr *Site, bool Shared,
               const Expr *Mutex, bool Try);
  void release(const AccessPath &L, const Expr *Site);
  void leaveByJump(const CFGBlock *B);
  void leaveFunction(const CFGBlock *B);

  // Structure.
  const Stmt *parentOf(const Stmt *S) const;
  const CompoundStmt *scopeOf(const Stmt *S) const;
  bool isInside(const Stmt *S, const Stmt *Ancestor) const;
  const Stmt *jumpTarget(const Stmt *Jump) const;
  bool isInsideTry(const Stmt *S) const;

  // Findings.
  void addExit(const Hold &H, LeakingExit Exit);
  void report();
  std::optional<GuardFixPlan> planFix(const Expr *Site,
                                      const AccessPath &Lock) const;

  LockReleaseContext &TU;
  ASTContext &Context;
  const FunctionDecl *FD;
  std::vector<LockReleaseFinding> &Out;

  MayHeldState State;
  bool Recording = false;
  const CFGBlock *ExitBlock = nullptr;

  std::map<const Expr *, SiteRecord> Sites;
  std::vector<const Expr *> SiteOrder;
  /// Every release and acquisition site per lock, for the fix.
  std::vector<std::pair<AccessPath, const Expr *>> Releases;
  std::vector<std::pair<AccessPath, const Expr *>> Acquisitions;
  /// Locks some normal return of the function may leave unheld.
  std::vector<AccessPath> NotAlwaysHeldAtReturn;
  std::vector<AccessPath> HeldAtSomeReturn;
  llvm::DenseSet<const Expr *> Reported;
};

//===----------------------------------------------------------------------===//
// Paths
//===----------------------------------------------------------------------===//

std::optional<AccessPath>
MayHeldWalk::lvaluePath(const Expr *E, const FunctionDecl *Frame) const {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
    if (!Var)
      return std::nullopt;
    if (Var->hasGlobalStorage())
      return AccessPath::global(Var);
    if (const auto *Parm = dyn_cast<ParmVarDecl>(Var);
        Parm && Parm->getDeclContext() == Frame) {
      AccessPath P = AccessPath::param(Parm->getFunctionScopeIndex(), Parm);
      return Var->getType()->isReferenceType() ? P.deref() : P;
    }
    // A local reference names what it was bound to, for good.
    if (Var->getType()->isReferenceType() && Var->getInit())
      return lvaluePath(Var->getInit(), Frame);
    return AccessPath::local(Var);
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (const auto *Var = dyn_cast<VarDecl>(ME->getMemberDecl()))
      return AccessPath::global(Var);
    const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!Field)
      return std::nullopt;
    auto Base = ME->isArrow() ? valuePath(ME->getBase(), Frame)
                              : lvaluePath(ME->getBase(), Frame);
    if (!Base)
      return std::nullopt;
    return (ME->isArrow() ? Base->deref() : *Base).field(Field);
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref) {
    if (auto V = valuePath(U->getSubExpr(), Frame))
      return V->deref();
    return std::nullopt;
  }
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    if (auto Base = valuePath(AS->getBase(), Frame))
      return Base->deref().withStep({StepKind::Element});
    return std::nullopt;
  }
  if (isa<CXXThisExpr>(E))
    return AccessPath::thisObject().addressOf();
  return std::nullopt;
}

std::optional<AccessPath>
MayHeldWalk::valuePath(const Expr *E, const FunctionDecl *Frame) const {
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    if (Cast->getCastKind() == CK_LValueToRValue)
      return lvaluePath(Cast->getSubExpr(), Frame);
    if (Cast->getCastKind() == CK_ArrayToPointerDecay) {
      if (auto P = lvaluePath(Cast->getSubExpr(), Frame))
        return P->addressOf();
      return std::nullopt;
    }
    return valuePath(Cast->getSubExpr(), Frame);
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf) {
    if (auto P = lvaluePath(U->getSubExpr(), Frame))
      return P->addressOf();
    return std::nullopt;
  }
  if (isa<CXXThisExpr>(E))
    return AccessPath::thisObject().addressOf();
  if (E->isGLValue())
    return lvaluePath(E, Frame);
  return std::nullopt;
}

std::optional<AccessPath>
MayHeldWalk::objectPath(const CXXMemberCallExpr *Call) const {
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object)
    return std::nullopt;
  const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  if (ME && ME->isArrow()) {
    if (auto V = valuePath(Object, FD))
      return V->deref();
    return std::nullopt;
  }
  return lvaluePath(Object, FD);
}

std::optional<AccessPath>
MayHeldWalk::mutexPath(const Expr *Mutex, const CallExpr *Call,
                       const FunctionDecl *Frame) const {
  if (!Mutex) {
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
      return objectPath(MC);
    return std::nullopt;
  }
  if (Mutex->getType()->isPointerType()) {
    if (auto P = valuePath(Mutex, Frame))
      return P->deref();
    return std::nullopt;
  }
  return lvaluePath(Mutex, Frame);
}

std::optional<AccessPath>
MayHeldWalk::mapCalleePath(const AccessPath &P, const CallExpr *Call,
                           const FunctionDecl *Callee) const {
  switch (P.rootKind()) {
  case RootKind::Global:
    return P;
  case RootKind::Param: {
    unsigned I = P.paramIndex();
    if (I >= Call->getNumArgs() || I >= Callee->getNumParams())
      return std::nullopt;
    const Expr *Arg = Call->getArg(I);
    std::optional<AccessPath> Value;
    if (Callee->getParamDecl(I)->getType()->isReferenceType()) {
      if (auto L = lvaluePath(Arg, FD))
        Value = L->addressOf();
    } else {
      Value = valuePath(Arg, FD);
    }
    if (!Value)
      return std::nullopt;
    return P.rebase(*Value);
  }
  case RootKind::This: {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(Call);
    if (!MC)
      return std::nullopt;
    auto Object = objectPath(MC);
    if (!Object)
      return std::nullopt;
    return P.rebase(*Object);
  }
  case RootKind::Local:
  case RootKind::Fresh:
    return std::nullopt;
  }
  llvm_unreachable("unknown root kind");
}

//===----------------------------------------------------------------------===//
// Structure
//===----------------------------------------------------------------------===//

const Stmt *MayHeldWalk::parentOf(const Stmt *S) const {
  DynTypedNodeList Parents = Context.getParents(*S);
  if (Parents.empty())
    return nullptr;
  return Parents[0].get<Stmt>();
}

const CompoundStmt *MayHeldWalk::scopeOf(const Stmt *S) const {
  for (const Stmt *P = parentOf(S); P; P = parentOf(P))
    if (const auto *C = dyn_cast<CompoundStmt>(P))
      return C;
  return nullptr;
}

bool MayHeldWalk::isInside(const Stmt *S, const Stmt *Ancestor) const {
  for (const Stmt *P = S; P; P = parentOf(P))
    if (P == Ancestor)
      return true;
  return false;
}

const Stmt *MayHeldWalk::jumpTarget(const Stmt *Jump) const {
  if (const auto *G = dyn_cast<GotoStmt>(Jump))
    return G->getLabel()->getStmt();
  bool IsBreak = isa<BreakStmt>(Jump);
  for (const Stmt *P = parentOf(Jump); P; P = parentOf(P)) {
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(P))
      return P;
    if (IsBreak && isa<SwitchStmt>(P))
      return P;
  }
  return nullptr;
}

bool MayHeldWalk::isInsideTry(const Stmt *S) const {
  for (const Stmt *P = parentOf(S); P; P = parentOf(P))
    if (isa<CXXTryStmt>(P))
      return true;
  return false;
}

//===----------------------------------------------------------------------===//
// Transfer
//===----------------------------------------------------------------------===//

void MayHeldWalk::acquire(const AccessPath &L, const Expr *Site, bool Shared,
                          const Expr *Mutex, bool Try) {
  for (const Hold &H : State.Holds) {
    if (!(H.Lock == L))
      continue;
    if (H.Site == Site) {
      // Around a loop and back with the lock still held.
      if (Recording && !TU.isRecursive(Mutex))
        addExit(H, {ExitKind::LoopBack, Site->getExprLoc(), {}});
      continue;
    }
    if (Recording && !Try && !Shared && !H.Shared && !TU.isRecursive(Mutex) &&
        Reported.insert(Site).second) {
      LockReleaseFinding F;
      F.Kind = LockMisuse::Relocked;
      F.Lock = L.spelling();
      F.Function = FD;
      F.Where = Site->getExprLoc();
      F.Earlier = H.Site->getExprLoc();
      Out.push_back(std::move(F));
    }
  }
  llvm::erase_if(State.Holds, [&](const Hold &H) { return H.Lock == L; });
  State.Holds.push_back({L, Site, Shared, {}, ExitKind::Break});
  LockStatus &S = State.touch(L);
  S.Recursive |= TU.isRecursive(Mutex);
  S.MayBeUntouched = false;
  S.NotHeldAt = SourceLocation();
  if (Recording)
    Acquisitions.push_back({L, Site});
}

void MayHeldWalk::release(const AccessPath &L, const Expr *Site) {
  LockStatus &S = State.touch(L);
  if (S.Recursive) {
    llvm::erase_if(State.Holds, [&](const Hold &H) { return H.Lock == L; });
    return;
  }
  if (Recording && S.NotHeldAt.isValid() && Reported.insert(Site).second) {
    LockReleaseFinding F;
    F.Kind = LockMisuse::ReleasedUnheld;
    F.Lock = L.spelling();
    F.Function = FD;
    F.Where = Site->getExprLoc();
    F.Earlier = S.NotHeldAt;
    F.EarlierIsFailedTry = S.NotHeldByTry;
    Out.push_back(std::move(F));
  }
  llvm::erase_if(State.Holds, [&](const Hold &H) { return H.Lock == L; });
  S.MayBeUntouched = false;
  S.NotHeldAt = Site->getExprLoc();
  S.NotHeldByTry = false;
  if (Recording)
    Releases.push_back({L, Site});
}

void MayHeldWalk::applyLockOp(const LockOp &Op, const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  // Locks named by a callee's thread-safety attributes are in its frame.
  bool Annotated = Callee && (Callee->hasAttr<AcquireCapabilityAttr>() ||
                              Callee->hasAttr<ReleaseCapabilityAttr>() ||
                              Callee->hasAttr<TryAcquireCapabilityAttr>());
  for (const Expr *Mutex : Op.Mutexes) {
    std::optional<AccessPath> L;
    if (Annotated && Mutex) {
      if (auto InCallee = mutexPath(Mutex, Call, Callee))
        L = mapCalleePath(*InCallee, Call, Callee);
    } else {
      L = mutexPath(Mutex, Call, FD);
    }
    if (!L)
      continue;
    switch (Op.Kind) {
    case LockOpKind::Acquire:
      acquire(*L, Call, Op.Shared, Mutex, /*Try=*/false);
      continue;
    case LockOpKind::Release:
      release(*L, Call);
      continue;
    case LockOpKind::TryAcquire: {
      // Taken on one edge only (see transferEdge); when the result is not
      // branched on directly, nothing is known about the lock after it.
      LockStatus &S = State.touch(*L);
      S.MayBeUntouched = true;
      S.NotHeldAt = SourceLocation();
      continue;
    }
    }
    llvm_unreachable("unknown lock operation");
  }
}

void MayHeldWalk::visitCall(const CallExpr *Call, const CFGBlock *B) {
  if (std::optional<LockOp> Op = classifyLockCall(Call)) {
    if (Op->Kind == LockOpKind::TryAcquire) {
      std::optional<TryBranch> Branch = tryBranchOf(B);
      if (Branch && Branch->Call == Call)
        return;
    }
    applyLockOp(*Op, Call);
    return;
  }
  const FunctionDecl *Callee = Call->getDirectCallee();
  // An exception leaves the call before its own lock effects happen.
  if (Recording && !State.Holds.empty() && TU.mayThrow(Call) &&
      !isInsideTry(Call))
    for (const Hold &H : State.Holds) {
      std::string Name = Callee ? Callee->getNameAsString() : std::string();
      addExit(H, {ExitKind::ThrowingCall, Call->getExprLoc(), Name});
    }
  if (const FunctionSummary *S =
          Callee ? TU.Model.Summaries.get(Callee) : nullptr) {
    // A helper that releases its caller's lock, or takes one for it. One
    // that releases the caller's lock and takes it back (unlock(); sleep();
    // lock();) leaves the caller's hold, and whoever releases it, as it was.
    auto TakesBack = [&](const AccessPath &P) {
      return S->AcquiredOnExit.find(P) != nullptr;
    };
    for (const AccessPath &P : S->ReleasedUnheld)
      if (!TakesBack(P))
        if (auto L = mapCalleePath(P, Call, S->Function))
          release(*L, Call);
    for (const HeldLock &H : S->AcquiredOnExit.locks())
      if (!llvm::is_contained(S->ReleasedUnheld, H.Lock))
        if (auto L = mapCalleePath(H.Lock, Call, S->Function))
          acquire(*L, Call, H.Shared, nullptr, /*Try=*/false);
  }
}

void MayHeldWalk::visitDecl(const DeclStmt *S) {
  for (const Decl *D : S->decls()) {
    const auto *Var = dyn_cast<VarDecl>(D);
    if (!Var || !Var->getInit())
      continue;
    const auto *Construct = dyn_cast<CXXConstructExpr>(
        Var->getInit()->IgnoreImplicit()->IgnoreParens());
    if (!Construct)
      continue;
    std::optional<GuardConstruction> G = classifyGuardConstruction(Construct);
    if (!G)
      continue;
    for (const Expr *Mutex : G->Mutexes) {
      auto L = lvaluePath(Mutex, FD);
      if (!L)
        continue;
      if (G->Mode == GuardMode::Adopt) {
        // The guard owns the lock from here and releases it.
        llvm::erase_if(State.Holds,
                       [&](const Hold &H) { return H.Lock == *L; });
        LockStatus &St = State.touch(*L);
        St.MayBeUntouched = true;
        St.NotHeldAt = SourceLocation();
        continue;
      }
      if (G->Mode != GuardMode::Lock || G->Shared || TU.isRecursive(Mutex))
        continue;
      for (const Hold &H : State.Holds)
        if (H.Lock == *L && !H.Shared && Recording &&
            Reported.insert(Construct).second) {
          LockReleaseFinding F;
          F.Kind = LockMisuse::Relocked;
          F.Lock = L->spelling();
          F.Function = FD;
          F.Where = Construct->getExprLoc();
          F.Earlier = H.Site->getExprLoc();
          Out.push_back(std::move(F));
        }
    }
  }
}

void MayHeldWalk::transferEdge(const CFGBlock *From, const CFGBlock *To,
                               MayHeldState &Edge) {
  std::optional<TryBranch> Branch = tryBranchOf(From);
  if (!Branch)
    return;
  const CFGBlock *First = *From->succ_begin();
  bool Success = (To == First) == Branch->SuccessIsFirstEdge;
  std::swap(State, Edge);
  if (Success) {
    LockOp Taken = Branch->Op;
    Taken.Kind = LockOpKind::Acquire;
    for (const Expr *Mutex : Taken.Mutexes)
      if (auto L = mutexPath(Mutex, Branch->Call, FD))
        acquire(*L, Branch->Call, Taken.Shared, Mutex, /*Try=*/true);
  } else {
    for (const Expr *Mutex : Branch->Op.Mutexes) {
      auto L = mutexPath(Mutex, Branch->Call, FD);
      if (!L)
        continue;
      bool Held = llvm::any_of(State.Holds,
                               [&](const Hold &H) { return H.Lock == *L; });
      if (Held)
        continue;
      LockStatus &S = State.touch(*L);
      S.MayBeUntouched = false;
      S.NotHeldAt = Branch->Call->getExprLoc();
      S.NotHeldByTry = true;
    }
  }
  std::swap(State, Edge);
}

void MayHeldWalk::leaveByJump(const CFGBlock *B) {
  const Stmt *Jump = B->getTerminatorStmt();
  if (!Jump || !isa<BreakStmt, ContinueStmt, GotoStmt>(Jump))
    return;
  const Stmt *Target = jumpTarget(Jump);
  ExitKind Kind = isa<BreakStmt>(Jump)      ? ExitKind::Break
                  : isa<ContinueStmt>(Jump) ? ExitKind::Continue
                                            : ExitKind::Goto;
  for (Hold &H : State.Holds) {
    if (H.Via.isValid())
      continue;
    const CompoundStmt *Scope = scopeOf(H.Site);
    if (!Scope || !Target || !isInside(Jump, Scope) || isInside(Target, Scope))
      continue;
    H.Via = Jump->getBeginLoc();
    H.ViaKind = Kind;
  }
}

void MayHeldWalk::addExit(const Hold &H, LeakingExit Exit) {
  auto [It, Inserted] = Sites.insert({H.Site, SiteRecord{H.Lock, {}}});
  if (Inserted)
    SiteOrder.push_back(H.Site);
  std::vector<LeakingExit> &Exits = It->second.Exits;
  if (H.Via.isValid() && Exit.Kind != ExitKind::ThrowingCall)
    Exit = {H.ViaKind, H.Via, {}};
  // One throwing call is enough to show the point.
  if (Exit.Kind == ExitKind::ThrowingCall &&
      llvm::any_of(Exits, [](const LeakingExit &E) {
        return E.Kind == ExitKind::ThrowingCall;
      }))
    return;
  for (const LeakingExit &E : Exits)
    if (E.Loc == Exit.Loc)
      return;
  Exits.push_back(std::move(Exit));
}

void MayHeldWalk::leaveFunction(const CFGBlock *B) {
  if (B->hasNoReturnElement())
    return; // exit(), abort(): the process ends with the lock.
  // FIXME: an exception no handler of a try statement catches leaves the
  // function from the handlers' dispatch; it is not followed.
  if (isa_and_nonnull<CXXTryStmt>(B->getTerminatorStmt()))
    return;
  LeakingExit Exit{ExitKind::EndOfFunction, {}, {}};
  for (const CFGElement &E : llvm::reverse(*B)) {
    auto S = E.getAs<CFGStmt>();
    if (!S)
      continue;
    if (const auto *Ret = dyn_cast<ReturnStmt>(S->getStmt()))
      Exit = {ExitKind::Return, Ret->getReturnLoc(), {}};
    else if (const auto *Throw = dyn_cast<CXXThrowExpr>(S->getStmt()))
      Exit = {ExitKind::Throw, Throw->getThrowLoc(), {}};
    else
      continue;
    break;
  }
  if (Exit.Kind == ExitKind::EndOfFunction)
    if (const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody()))
      Exit.Loc = Body->getRBracLoc();
  for (const Hold &H : State.Holds)
    addExit(H, Exit);
  if (Exit.Kind == ExitKind::Throw)
    return;
  for (const LockStatus &S : State.Statuses) {
    bool Held = llvm::any_of(State.Holds,
                             [&](const Hold &H) { return H.Lock == S.Lock; });
    bool Always = Held && !S.MayBeUntouched && S.NotHeldAt.isInvalid();
    if (Held && llvm::find(HeldAtSomeReturn, S.Lock) == HeldAtSomeReturn.end())
      HeldAtSomeReturn.push_back(S.Lock);
    if (!Always && llvm::find(NotAlwaysHeldAtReturn, S.Lock) ==
                       NotAlwaysHeldAtReturn.end())
      NotAlwaysHeldAtReturn.push_back(S.Lock);
  }
}

void MayHeldWalk::transferBlock(const CFGBlock *B) {
  for (const CFGElement &E : *B) {
    auto S = E.getAs<CFGStmt>();
    if (!S)
      continue;
    if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
      visitCall(Call, B);
    else if (const auto *Decl = dyn_cast<DeclStmt>(S->getStmt()))
      visitDecl(Decl);
  }
  leaveByJump(B);
  if (Recording && llvm::is_contained(B->succs(), ExitBlock))
    leaveFunction(B);
}

//===----------------------------------------------------------------------===//
// The walk and its findings
//===----------------------------------------------------------------------===//

void MayHeldWalk::run() {
  CFG::BuildOptions Options;
  Options.setAllAlwaysAdd();
  // Guards are not followed (they release on every path), so no implicit
  // destructors; exceptions leaving a call are judged at the call.
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(FD, FD->getBody(), &Context, Options);
  if (!Graph)
    return;
  ExitBlock = &Graph->getExit();
  // The lattice is finite and only grows; the limit guards against
  // pathological graphs.
  runForwardDataflow(
      *Graph, /*MaxRounds=*/16, State,
      [&](const CFGBlock *B) { transferBlock(B); },
      [&](const CFGBlock *From, const CFGBlock *To, MayHeldState &Edge) {
        transferEdge(From, To, Edge);
      },
      [&] { Recording = true; });
  report();
}

void MayHeldWalk::report() {
  // A function that locks for its caller: ACQUIRE(), or every return holds
  // the lock.
  if (FD->hasAttr<AcquireCapabilityAttr>() ||
      FD->hasAttr<TryAcquireCapabilityAttr>())
    return;
  for (const Expr *Site : SiteOrder) {
    const SiteRecord &R = Sites.at(Site);
    bool ForCaller = llvm::is_contained(HeldAtSomeReturn, R.Lock) &&
                     !llvm::is_contained(NotAlwaysHeldAtReturn, R.Lock);
    if (ForCaller)
      continue;
    LockReleaseFinding F;
    F.Kind = LockMisuse::NotReleased;
    F.Lock = R.Lock.spelling();
    F.Function = FD;
    F.Where = Site->getExprLoc();
    F.Exits = R.Exits;
    F.Fix = planFix(Site, R.Lock);
    Out.push_back(std::move(F));
  }
}

std::optional<GuardFixPlan> MayHeldWalk::planFix(const Expr *Site,
                                                 const AccessPath &Lock) const {
  const auto *Call = dyn_cast<CXXMemberCallExpr>(Site);
  if (!Context.getLangOpts().CPlusPlus11 || !Call ||
      !isStdMutexMethod(Call, "lock"))
    return std::nullopt;
  const auto *Scope = dyn_cast_or_null<CompoundStmt>(parentOf(Call));
  if (!Scope)
    return std::nullopt;
  for (const auto &[L, Other] : Acquisitions)
    if (L == Lock && Other != Site)
      return std::nullopt;
  GuardFixPlan Plan;
  const SourceManager &SM = Context.getSourceManager();
  for (const auto &[L, Release] : Releases) {
    if (!(L == Lock))
      continue;
    const auto *Unlock = dyn_cast<CXXMemberCallExpr>(Release);
    if (!Unlock || !isStdMutexMethod(Unlock, "unlock") ||
        !isInside(Unlock, Scope) ||
        !SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                      Unlock->getBeginLoc()))
      return std::nullopt;
    const auto *Block = dyn_cast_or_null<CompoundStmt>(parentOf(Unlock));
    if (!Block)
      return std::nullopt;
    if (llvm::is_contained(Plan.Unlocks, Unlock))
      continue;
    Plan.Unlocks.push_back(Unlock);
    // lock_guard fits when no code runs between an unlock and the end of
    // the guard's life.
    auto It = llvm::find(Block->body(), Unlock);
    auto Next = std::next(It);
    bool EndsScope = Block == Scope && Next == Block->body_end();
    bool BeforeReturn = Next != Block->body_end() && isa<ReturnStmt>(*Next);
    if (!EndsScope && !BeforeReturn)
      Plan.UniqueLock = true;
  }
  if (Plan.Unlocks.empty())
    return std::nullopt;
  Plan.LockCall = Call;
  PrintingPolicy Policy(Context.getLangOpts());
  Policy.SuppressTagKeyword = true;
  Plan.MutexType = Call->getImplicitObjectArgument()
                       ->getType()
                       .getNonReferenceType()
                       .getUnqualifiedType()
                       .getAsString(Policy);
  // A name no variable of the function uses.
  llvm::StringSet<> Names;
  struct NameCollector : RecursiveASTVisitor<NameCollector> {
    llvm::StringSet<> &Names;
    explicit NameCollector(llvm::StringSet<> &Names) : Names(Names) {}
    bool VisitNamedDecl(NamedDecl *D) {
      if (D->getIdentifier())
        Names.insert(D->getName());
      return true;
    }
  } Collector(Names);
  Collector.TraverseDecl(const_cast<FunctionDecl *>(FD));
  for (StringRef Candidate : {"lock", "guard", "lk", "held_lock"})
    if (!Names.contains(Candidate)) {
      Plan.GuardName = Candidate.str();
      return Plan;
    }
  return std::nullopt;
}

} // namespace

std::vector<LockReleaseFinding> findUnreleasedLocks(ProgramModel &Model) {
  LockReleaseContext TU(Model);
  std::vector<const FunctionDecl *> Functions = Model.Functions;
  // Lambda bodies are functions of their own.
  struct LambdaCollector : RecursiveASTVisitor<LambdaCollector> {
    std::vector<const FunctionDecl *> &Functions;
    explicit LambdaCollector(std::vector<const FunctionDecl *> &F)
        : Functions(F) {}
    bool VisitLambdaExpr(LambdaExpr *L) {
      if (!llvm::is_contained(Functions, L->getCallOperator()))
        Functions.push_back(L->getCallOperator());
      return true;
    }
  } Lambdas(Functions);
  for (const FunctionDecl *FD : Model.Functions)
    Lambdas.TraverseStmt(FD->getBody());
  std::vector<LockReleaseFinding> Findings;
  for (const FunctionDecl *FD : Functions)
    if (FD->hasBody() && !FD->isDependentContext())
      MayHeldWalk(TU, FD, Findings).run();
  return Findings;
}

} // namespace racelint
