//===--- LockFinding.h - Lock discipline findings, before words -*- C++ -*-===//
//
// What the three lock-discipline analyses conclude, tied to the AST's source
// locations: a lock some path leaves held (or releases twice, or takes again),
// a cycle in the lock order, a lock held across a blocking call. The
// reporter (LockReporter.cpp) is the one place that turns them into words.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_LOCKFINDING_H
#define RACELINT_LOCKFINDING_H

#include "Finding.h"
#include "FunctionSummary.h"
#include "Report.h"
#include "ThreadContexts.h"

#include <optional>
#include <string>
#include <vector>

namespace racelint {

class ProgramModel;

/// How a path leaves a lock's region with the lock held.
enum class ExitKind {
  Return,
  EndOfFunction,
  Throw,
  ThrowingCall,
  Break,
  Continue,
  Goto,
  LoopBack,
};

struct LeakingExit {
  ExitKind Kind;
  clang::SourceLocation Loc;
  /// For ThrowingCall: the callee.
  std::string Callee;
};

enum class LockMisuse {
  /// Some path out of the function leaves the lock held.
  NotReleased,
  /// The lock is released where some path reaching it does not hold it.
  ReleasedUnheld,
  /// A non-recursive lock is taken again while it is held.
  Relocked,
};

/// The RAII rewrite of a hand-taken std mutex whose region is a scope.
struct GuardFixPlan {
  /// lock_guard when every unlock ends the scope or precedes a return;
  /// unique_lock (whose unlock() stays) otherwise.
  bool UniqueLock = false;
  const clang::CXXMemberCallExpr *LockCall = nullptr;
  llvm::SmallVector<const clang::CXXMemberCallExpr *, 2> Unlocks;
  std::string MutexType;
  std::string GuardName;
};

struct LockReleaseFinding {
  LockMisuse Kind;
  std::string Lock;
  const clang::FunctionDecl *Function = nullptr;
  /// The lock call (NotReleased), the unlock (ReleasedUnheld), the second
  /// lock (Relocked).
  clang::SourceLocation Where;
  /// NotReleased: how the lock leaks.
  std::vector<LeakingExit> Exits;
  /// ReleasedUnheld: the earlier release, or the try-lock that failed;
  /// Relocked: the first acquisition.
  clang::SourceLocation Earlier;
  bool EarlierIsFailedTry = false;
  std::optional<GuardFixPlan> Fix;
};

/// One edge of a lock-order cycle: To is taken while From is held.
struct LockOrderStep {
  std::string From;
  std::string To;
  clang::SourceLocation FromAt;
  clang::SourceLocation ToAt;
  ThreadSide Thread;
};

/// Two guard declarations side by side that one std::scoped_lock replaces.
struct ScopedLockFixPlan {
  const clang::DeclStmt *First = nullptr;
  const clang::DeclStmt *Second = nullptr;
  const clang::Expr *FirstMutex = nullptr;
  const clang::Expr *SecondMutex = nullptr;
  std::string GuardName;
};

struct LockOrderFinding {
  /// The cycle, starting with the step the report is at.
  std::vector<LockOrderStep> Cycle;
  std::optional<ScopedLockFixPlan> Fix;
};

struct BlockingFinding {
  BlockingKind Kind;
  std::string Callee;
  std::string Lock;
  clang::SourceLocation Where;
  clang::SourceLocation LockedAt;
  /// How many threads take turns, when every one of them is counted.
  std::optional<uint64_t> Threads;
  /// How long the call blocks, when it is a constant sleep.
  std::optional<double> Seconds;
  ThreadSide Thread;
};

/// The thread a context runs in, for notes.
ThreadSide lockThreadSide(const ThreadContexts &Threads, unsigned Context);

/// lock-not-released: one may-held walk of each function's CFG.
std::vector<LockReleaseFinding> findUnreleasedLocks(ProgramModel &Model);

/// lock-order-inversion: cycles in the lock-order graph of all contexts.
std::vector<LockOrderFinding> findLockOrderInversions(ProgramModel &Model);

/// lock-held-across-blocking-call.
std::vector<BlockingFinding> findBlockingUnderLock(ProgramModel &Model);

/// Turns lock-discipline findings into reports, in racelint's words.
std::vector<Report>
describeLockFindings(const std::vector<LockReleaseFinding> &Release,
                     const std::vector<LockOrderFinding> &Order,
                     const std::vector<BlockingFinding> &Blocking,
                     clang::ASTContext &Context);

} // namespace racelint

#endif
