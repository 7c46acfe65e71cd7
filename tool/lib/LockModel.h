//===--- LockModel.h - Which calls take and release locks -------*- C++ -*-===//
//
// Recognizes lock operations in the AST without judging them: the standard
// mutexes and their guards, pthread mutexes, rwlocks and spinlocks, C11
// mtx_t, and functions carrying Clang's thread-safety attributes. The summary
// builder turns the mutex expressions it returns into lock paths.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_LOCKMODEL_H
#define RACELINT_LOCKMODEL_H

#include "Config.h"
#include "clang/AST/Expr.h"

#include "clang/AST/ExprCXX.h"

#include <optional>

namespace racelint {

enum class LockOpKind { Acquire, Release, TryAcquire };

/// A call that takes or releases the locks named by Mutexes. A null entry
/// stands for the call's implicit object (a method with ACQUIRE()).
struct LockOp {
  LockOpKind Kind;
  llvm::SmallVector<const clang::Expr *, 2> Mutexes;
  bool Shared = false;
  /// For TryAcquire: the returned value means success when it is zero
  /// (pthread_mutex_trylock) rather than true (std::mutex::try_lock).
  bool SuccessIsZero = false;
};

std::optional<LockOp> classifyLockCall(const clang::CallExpr *Call);

/// A call of one of the project's own lock or unlock functions named in
/// .racelint.yaml: the lock is the called-on object, else the first argument.
std::optional<LockOp> classifyConfiguredLock(const clang::CallExpr *Call,
                                             const AnalysisHints &Hints);

enum class GuardMode { Lock, Defer, Adopt, TryLock };

/// The construction of an RAII guard (lock_guard, unique_lock, scoped_lock,
/// shared_lock), or the move of one guard into another.
struct GuardConstruction {
  llvm::SmallVector<const clang::Expr *, 2> Mutexes;
  GuardMode Mode = GuardMode::Lock;
  bool Shared = false;
  const clang::Expr *MovedFrom = nullptr;
};

std::optional<GuardConstruction>
classifyGuardConstruction(const clang::CXXConstructExpr *Construct);

enum class GuardMethod { Lock, Unlock, Release, TryLock };

/// unique_lock::lock/unlock/release/try_lock called on a guard object.
std::optional<GuardMethod>
classifyGuardMethod(const clang::CXXMemberCallExpr *Call);

/// Types that exist to synchronize (mutexes, guards, atomics, condition
/// variables, threads): calling their methods is not a data access.
bool isSynchronizationType(clang::QualType T);

/// std::atomic<T>, std::atomic_ref<T>, std::atomic_flag, or C11 _Atomic.
bool isAtomicType(clang::QualType T);

bool isGuardType(clang::QualType T);

} // namespace racelint

#endif
