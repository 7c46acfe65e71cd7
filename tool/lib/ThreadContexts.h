//===--- ThreadContexts.h - Summaries composed per thread -------*- C++ -*-===//
//
// Composes function summaries top-down from each root of the program (main,
// or any function nobody here calls) and from every thread started on the
// way. Each thread context binds its entry's parameters to the memory its
// starter handed it, so every access ends up as a path in the root's frame,
// tagged with its context, its lockset and the threads running beside it.
// "May run at the same time" is answered here, from the contexts' tree.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_THREADCONTEXTS_H
#define RACELINT_THREADCONTEXTS_H

#include "FunctionSummary.h"

#include "llvm/ADT/SmallPtrSet.h"

#include <vector>

namespace racelint {

struct ThreadContext {
  /// Null for a root.
  const StartSite *Site = nullptr;
  const clang::FunctionDecl *Entry = nullptr;
  int Parent = -1;
  /// Several instances may run at once (started in a loop, from several
  /// places, or from a context that is itself several threads).
  bool Multi = false;
  /// Sibling contexts already running when this one started.
  llvm::SmallVector<unsigned, 2> LiveAtStart;
};

/// One access of a summary, seen from a context.
struct ResolvedAccess {
  const Access *Source;
  /// Path in the root's frame, element steps all alike.
  AccessPath Path;
  /// The memory differs between instances of the same context.
  bool PerInstance = false;
  unsigned Context;
  Lockset Locks;
  llvm::SmallVector<unsigned, 2> Live;
  std::optional<UpdateSource> Update;
};

struct ResolvedAcquisition {
  const LockAcquisition *Source;
  AccessPath Lock;
  Lockset HeldBefore;
  unsigned Context;
  llvm::SmallVector<unsigned, 2> Live;
};

struct ResolvedBlockingCall {
  const BlockingCall *Source;
  Lockset Locks;
  unsigned Context;
};

struct ResolvedDetach {
  const DetachSite *Source;
  /// The context that detaches, and the detached thread's context.
  unsigned Context;
  unsigned Thread;
};

class ThreadContexts {
public:
  explicit ThreadContexts(SummaryCache &Cache) : Cache(Cache) {}

  /// Composes everything reachable from \p Roots.
  void compose(llvm::ArrayRef<const clang::FunctionDecl *> Roots);

  const std::vector<ThreadContext> &contexts() const { return Contexts; }
  const std::vector<ResolvedAccess> &accesses() const { return Accesses; }
  const std::vector<ResolvedAcquisition> &acquisitions() const {
    return Acquisitions;
  }
  const std::vector<ResolvedBlockingCall> &blockingCalls() const {
    return BlockingCalls;
  }
  const std::vector<ResolvedDetach> &detaches() const { return Detaches; }

  /// Whether code of two accesses may run at the same time.
  bool mayRunConcurrently(const ResolvedAccess &A,
                          const ResolvedAccess &B) const;
  /// Whether code of two program points may run at the same time, each
  /// given by its context and the threads live beside it.
  bool mayRunConcurrently(unsigned ContextA, llvm::ArrayRef<unsigned> LiveA,
                          unsigned ContextB,
                          llvm::ArrayRef<unsigned> LiveB) const;

private:
  struct Binding {
    std::vector<std::optional<AccessPath>> Params;
    std::vector<bool> PerInstance;
    std::optional<AccessPath> This;
    bool ThisPerInstance = false;
    /// 'this' is a copy of this object (a functor): memory reached through
    /// the copy's pointers and references is the original's.
    std::optional<AccessPath> ThisCopiedFrom;
    /// 'this' is an object made on the spot: what its pointer and reference
    /// members hold.
    std::vector<std::pair<const clang::FieldDecl *, AccessPath>> ThisMembers;
  };
  struct PendingThread {
    unsigned Context;
    Binding Bound;
  };
  using LiveMap = llvm::DenseMap<const LiveStart *, unsigned>;

  void walk(unsigned Context, const clang::FunctionDecl *F,
            const Binding &Bound, const Lockset &EntryLocks,
            llvm::ArrayRef<unsigned> EntryLive, unsigned Depth,
            LiveMap &Started);
  std::optional<AccessPath> resolve(const AccessPath &P, const Binding &Bound,
                                    const clang::FunctionDecl *F,
                                    bool &PerInstance) const;
  Lockset resolveLocks(const Lockset &Locks, const Binding &Bound,
                       const clang::FunctionDecl *F) const;
  const clang::FunctionDecl *
  devirtualize(const clang::FunctionDecl *Callee,
               const std::optional<AccessPath> &This) const;
  unsigned startContext(unsigned Parent, const StartSite &Site,
                        const Binding &Bound, const clang::FunctionDecl *F);
  bool isAncestor(unsigned Ancestor, unsigned Context) const;
  size_t walkKey(unsigned Context, const clang::FunctionDecl *F,
                 const Binding &Bound, const Lockset &Locks,
                 llvm::ArrayRef<unsigned> Live) const;

  struct WalkResult {
    unsigned FirstContext, EndContext;
    LiveMap Started;
  };

  SummaryCache &Cache;
  std::vector<ThreadContext> Contexts;
  std::vector<Binding> ContextBindings;
  std::vector<ResolvedAccess> Accesses;
  std::vector<ResolvedAcquisition> Acquisitions;
  std::vector<ResolvedBlockingCall> BlockingCalls;
  std::vector<ResolvedDetach> Detaches;
  std::vector<PendingThread> Pending;
  llvm::DenseMap<std::pair<const StartSite *, unsigned>,
                 llvm::SmallVector<unsigned, 1>>
      BySite;
  llvm::SmallPtrSet<const clang::FunctionDecl *, 16> OnStack;
  llvm::DenseMap<size_t, WalkResult> Walked;
  unsigned SingleThreadDepth = 0;
  /// Work left before composition stops: a bound on pathological inputs.
  unsigned Budget = 4000000;
};

} // namespace racelint

#endif
