//===--- LockModel.cpp - Which calls take and release locks ---------------===//
#include "LockModel.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace racelint {

/// The unqualified name of a class in namespace std (any inline namespace),
/// or empty.
static StringRef stdClassName(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || !RD->isInStdNamespace())
    return {};
  return RD->getName();
}

static bool isStdMutexName(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("mutex", "recursive_mutex", "timed_mutex", "recursive_timed_mutex",
             "shared_mutex", "shared_timed_mutex", true)
      .Default(false);
}

bool isGuardType(QualType T) {
  return llvm::StringSwitch<bool>(stdClassName(T))
      .Cases("lock_guard", "unique_lock", "scoped_lock", "shared_lock", true)
      .Default(false);
}

bool isAtomicType(QualType T) {
  T = T.getNonReferenceType();
  if (T->isAtomicType())
    return true;
  return llvm::StringSwitch<bool>(stdClassName(T))
      .Cases("atomic", "atomic_ref", "atomic_flag", "__atomic_base",
             "__atomic_float", true)
      .Default(false);
}

bool isSynchronizationType(QualType T) {
  StringRef Name = stdClassName(T);
  if (isStdMutexName(Name) || isGuardType(T) || isAtomicType(T))
    return true;
  return llvm::StringSwitch<bool>(Name)
      .Cases("condition_variable", "condition_variable_any", "thread",
             "jthread", "future", "shared_future", "promise", true)
      .Cases("latch", "barrier", "counting_semaphore", "binary_semaphore",
             "once_flag", true)
      .Default(false);
}

static const FunctionDecl *directCallee(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->getIdentifier() ? FD : nullptr;
}

static std::optional<LockOp> classifyPosixLock(StringRef Name,
                                               const CallExpr *Call) {
  if (Call->getNumArgs() < 1)
    return std::nullopt;
  const Expr *Arg = Call->getArg(0);
  auto Op = [&](LockOpKind Kind, bool Shared, bool SuccessIsZero = false) {
    LockOp L{Kind, {Arg}, Shared, SuccessIsZero};
    return std::optional<LockOp>(L);
  };
  return llvm::StringSwitch<std::optional<LockOp>>(Name)
      .Cases("pthread_mutex_lock", "pthread_spin_lock", "mtx_lock",
             "pthread_rwlock_wrlock", Op(LockOpKind::Acquire, false))
      .Case("pthread_rwlock_rdlock", Op(LockOpKind::Acquire, true))
      .Cases("pthread_mutex_unlock", "pthread_spin_unlock", "mtx_unlock",
             "pthread_rwlock_unlock", Op(LockOpKind::Release, false))
      .Cases("pthread_mutex_trylock", "pthread_spin_trylock",
             "pthread_rwlock_trywrlock",
             Op(LockOpKind::TryAcquire, false, true))
      .Case("pthread_rwlock_tryrdlock", Op(LockOpKind::TryAcquire, true, true))
      .Case("mtx_trylock", Op(LockOpKind::TryAcquire, false, true))
      .Default(std::nullopt);
}

static std::optional<LockOp>
classifyStdMutexMethod(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  if (!MD || !MD->getIdentifier() ||
      !isStdMutexName(stdClassName(MC->getObjectType())))
    return std::nullopt;
  const Expr *Object = MC->getImplicitObjectArgument();
  auto Op = [&](LockOpKind Kind, bool Shared) {
    LockOp L{Kind, {Object}, Shared, false};
    return std::optional<LockOp>(L);
  };
  return llvm::StringSwitch<std::optional<LockOp>>(MD->getName())
      .Case("lock", Op(LockOpKind::Acquire, false))
      .Case("lock_shared", Op(LockOpKind::Acquire, true))
      .Cases("unlock", "unlock_shared", Op(LockOpKind::Release, false))
      .Cases("try_lock", "try_lock_for", "try_lock_until",
             Op(LockOpKind::TryAcquire, false))
      .Cases("try_lock_shared", "try_lock_shared_for", "try_lock_shared_until",
             Op(LockOpKind::TryAcquire, true))
      .Default(std::nullopt);
}

/// The capabilities an attribute names; none means the implicit object.
template <typename AttrT>
static llvm::SmallVector<const Expr *, 2>
attributeCapabilities(const AttrT *A) {
  llvm::SmallVector<const Expr *, 2> Caps;
  for (const Expr *Arg : A->args())
    Caps.push_back(Arg);
  if (Caps.empty())
    Caps.push_back(nullptr);
  return Caps;
}

static std::optional<LockOp> classifyAnnotated(const FunctionDecl *FD) {
  if (const auto *A = FD->getAttr<AcquireCapabilityAttr>())
    return LockOp{LockOpKind::Acquire, attributeCapabilities(A), A->isShared(),
                  false};
  if (const auto *A = FD->getAttr<ReleaseCapabilityAttr>())
    return LockOp{LockOpKind::Release, attributeCapabilities(A), A->isShared(),
                  false};
  if (const auto *A = FD->getAttr<TryAcquireCapabilityAttr>()) {
    LockOp Op{LockOpKind::TryAcquire, {}, A->isShared(), false};
    for (const Expr *Arg : A->args())
      Op.Mutexes.push_back(Arg);
    if (Op.Mutexes.empty())
      Op.Mutexes.push_back(nullptr);
    return Op;
  }
  return std::nullopt;
}

std::optional<LockOp> classifyLockCall(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    if (auto Op = classifyStdMutexMethod(MC))
      return Op;
  const FunctionDecl *FD = directCallee(Call);
  if (!FD)
    return std::nullopt;
  if (auto Op = classifyAnnotated(FD))
    return Op;
  if (FD->isInStdNamespace() && FD->getName() == "lock" &&
      Call->getNumArgs() >= 2) {
    LockOp Op{LockOpKind::Acquire, {}, false, false};
    for (const Expr *Arg : Call->arguments())
      Op.Mutexes.push_back(Arg);
    return Op;
  }
  if (!FD->getDeclContext()->isTranslationUnit() &&
      !FD->getDeclContext()->isExternCContext())
    return std::nullopt;
  return classifyPosixLock(FD->getName(), Call);
}

std::optional<LockOp> classifyConfiguredLock(const CallExpr *Call,
                                             const AnalysisHints &Hints) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (Hints.LockFunctions.empty() || !FD)
    return std::nullopt;
  std::string Name = FD->getQualifiedNameAsString();
  for (const LockFunctionPair &Pair : Hints.LockFunctions) {
    bool Locks = Pair.Lock == Name;
    if (!Locks && Pair.Unlock != Name)
      continue;
    LockOp Op{
        Locks ? LockOpKind::Acquire : LockOpKind::Release, {}, false, false};
    if (isa<CXXMemberCallExpr>(Call))
      Op.Mutexes.push_back(nullptr);
    else if (Call->getNumArgs() > 0)
      Op.Mutexes.push_back(Call->getArg(0));
    else
      return std::nullopt;
    return Op;
  }
  return std::nullopt;
}

std::optional<GuardConstruction>
classifyGuardConstruction(const CXXConstructExpr *Construct) {
  QualType T = Construct->getType();
  if (!isGuardType(T) || Construct->getNumArgs() == 0)
    return std::nullopt;
  GuardConstruction G;
  G.Shared = stdClassName(T) == "shared_lock";
  for (const Expr *Arg : Construct->arguments()) {
    QualType ArgType = Arg->getType();
    StringRef Tag = stdClassName(ArgType);
    if (Tag == "defer_lock_t")
      G.Mode = GuardMode::Defer;
    else if (Tag == "adopt_lock_t")
      G.Mode = GuardMode::Adopt;
    else if (Tag == "try_to_lock_t")
      G.Mode = GuardMode::TryLock;
    else if (isGuardType(ArgType))
      G.MovedFrom = Arg;
    else if (!ArgType->isArithmeticType() && Tag != "duration" &&
             Tag != "time_point")
      G.Mutexes.push_back(Arg);
  }
  return G;
}

std::optional<GuardMethod> classifyGuardMethod(const CXXMemberCallExpr *Call) {
  const CXXMethodDecl *MD = Call->getMethodDecl();
  if (!MD || !MD->getIdentifier() || !isGuardType(Call->getObjectType()))
    return std::nullopt;
  return llvm::StringSwitch<std::optional<GuardMethod>>(MD->getName())
      .Case("lock", GuardMethod::Lock)
      .Case("unlock", GuardMethod::Unlock)
      .Case("release", GuardMethod::Release)
      .Cases("try_lock", "try_lock_for", "try_lock_until", GuardMethod::TryLock)
      .Default(std::nullopt);
}

} // namespace racelint
