//===--- FunctionSummary.h - What one function does to shared state -*- C++
//-*-===//
//
// A summary is computed once per function by one flow-sensitive walk of its
// Clang CFG, and is relative to the function's own frame: paths are rooted
// at its parameters, 'this', globals, or its locals. It records every access
// to memory another thread may reach with the lockset held, every call with
// its arguments, every thread start, and the function's net effects on its
// caller (locks left held or released, threads left running or joined).
// Callee effects are applied at each call site, callees first, so a helper
// that locks or starts threads on its caller's behalf is understood.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_FUNCTIONSUMMARY_H
#define RACELINT_FUNCTIONSUMMARY_H

#include "AccessPath.h"
#include "Config.h"
#include "Lockset.h"
#include "ThreadModel.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace clang {
class ASTContext;
}

namespace racelint {

class FunctionSummary;

enum class AccessKind { Read, Write };

/// How a write computes its value from a read of the same location.
enum class UpdateForm {
  Increment,   // x++ / ++x
  Decrement,   // x-- / --x
  Compound,    // x += v
  Recomputed,  // x = f(x), directly or through locals and helpers
  AtomicSplit, // a.store(f(a.load())): two atomic operations
};

struct UpdateSource {
  UpdateForm Form;
  clang::SourceLocation ReadLoc;
  Lockset ReadLocks;
  /// Where a lock held at the read was last released before the write.
  clang::SourceLocation ReleasedAt;
};

/// A thread started in this function, or in a callee and still running when
/// the callee returned. Imported starts chain to the callee's record.
struct LiveStart {
  /// The start in the function that owns the start site.
  const struct StartSite *Site;
  /// The call through which the start was imported, or null.
  const clang::Expr *Via = nullptr;
  const LiveStart *Inner = nullptr;
  /// The handle that joins or detaches it, in this function's frame. A
  /// handle ending in an element step names a container of handles.
  std::optional<AccessPath> Handle;
};

struct StartSite {
  const clang::Stmt *Where;
  ThreadStartCall Call;
  /// The entry's parameters' values and the object, in this frame.
  std::vector<std::optional<AccessPath>> ArgValues;
  std::optional<AccessPath> ObjectValue;
  /// For a functor copied into the thread: the original, whose pointers and
  /// references the copy shares...
  std::optional<AccessPath> ObjectCopiedFrom;
  /// ...or, for one made on the spot (Worker{&acct}, Worker(acct)), the
  /// values its pointer and reference members are initialised with.
  std::vector<std::pair<const clang::FieldDecl *, AccessPath>> ObjectMembers;
  /// Arguments that name different memory for every start in a loop: a
  /// fresh allocation, or the loop's element of an array.
  std::vector<bool> PerInstanceArg;
  /// Started in a loop that comes round to the start again while an earlier
  /// instance still runs: several instances at once.
  bool InLoop = false;
  /// Threads of this function already running when this one starts.
  llvm::SmallVector<const LiveStart *, 2> LiveBefore;
};

struct Access {
  AccessPath Path;
  AccessKind Kind;
  bool Atomic = false;
  clang::SourceLocation Loc;
  const clang::Expr *E = nullptr;
  Lockset Locks;
  llvm::SmallVector<const LiveStart *, 2> Live;
  std::optional<UpdateSource> Update;
};

struct CallSite {
  const clang::FunctionDecl *Callee;
  const clang::Expr *Where;
  std::vector<std::optional<AccessPath>> ArgValues;
  std::optional<AccessPath> ThisValue;
  /// A virtual call: resolved against the object's type when composing.
  bool Virtual = false;
  Lockset Locks;
  llvm::SmallVector<const LiveStart *, 2> Live;
};

/// A detach of a thread this function started or was handed by a callee.
struct DetachSite {
  const LiveStart *Thread;
  const clang::Expr *Where;
};

/// A lock taken here, with the locks already held: the edges of the lock
/// order graph.
struct LockAcquisition {
  AccessPath Lock;
  clang::SourceLocation Loc;
  Lockset HeldBefore;
  llvm::SmallVector<const LiveStart *, 2> Live;
  /// try_lock: a failed attempt backs off instead of waiting.
  bool Try = false;
};

enum class BlockingKind { Sleep, IO, Join };

/// A call that can block for a long time, with the locks held across it.
struct BlockingCall {
  BlockingKind Kind;
  const clang::Expr *Where;
  std::string Callee;
  Lockset Locks;
};

/// A value that flowed from a read of shared memory, or from a parameter.
struct ValueOrigin {
  std::optional<unsigned> Param;
  AccessPath Path;
  clang::SourceLocation Loc;
  Lockset Locks;
};

class SummaryCache;

class FunctionSummary {
public:
  const clang::FunctionDecl *Function = nullptr;
  std::vector<Access> Accesses;
  std::vector<CallSite> Calls;
  std::vector<DetachSite> Detaches;
  std::vector<LockAcquisition> Acquisitions;
  std::vector<BlockingCall> BlockingCalls;
  std::deque<StartSite> Starts;
  std::deque<LiveStart> LiveStarts;

  /// Net effects on the caller, in this function's frame.
  Lockset AcquiredOnExit;
  std::vector<AccessPath> ReleasedUnheld;
  llvm::SmallVector<const LiveStart *, 2> LiveAtExit;
  std::vector<AccessPath> JoinedHandles;
  /// Where each lock released here was last released: a getter's unlock,
  /// for the caller's split-critical-section note.
  std::vector<std::pair<AccessPath, clang::SourceLocation>> ReleasesBeforeExit;

  /// Values the function returns, and writes whose value is a parameter.
  std::vector<ValueOrigin> ReturnOrigins;
  std::vector<std::pair<unsigned, unsigned>> ParamWrites; // access, param

  /// Configured to run on one thread only: its accesses, and its callees',
  /// race with nothing.
  bool SingleThread = false;
};

/// Computes summaries on demand, callees first, each once. Recursion and
/// very deep call chains stop at a depth limit: the callee then counts as
/// unknown code with no effect.
class SummaryCache {
public:
  SummaryCache(clang::ASTContext &Context, const AnalysisHints &Hints)
      : Context(Context), Hints(Hints) {}

  /// The summary of \p FD's definition, or null when it has no body here or
  /// lives in a system header.
  const FunctionSummary *get(const clang::FunctionDecl *FD);

  clang::ASTContext &context() { return Context; }
  const AnalysisHints &hints() const { return Hints; }

private:
  clang::ASTContext &Context;
  /// Copied: the model outlives the options it was built from.
  AnalysisHints Hints;
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  llvm::DenseMap<const clang::FunctionDecl *, bool> InProgress;
  unsigned Depth = 0;
};

/// Whether the analysis looks into \p FD at all.
bool isAnalysable(const clang::FunctionDecl *FD,
                  const clang::ASTContext &Context);

} // namespace racelint

#endif
