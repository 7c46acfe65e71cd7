//===--- Lockset.h - The locks definitely held at a point -------*- C++ -*-===//
//
// A lockset is a small sorted vector: programs hold few locks at once, so a
// linear merge beats any node-based set, and copying it per CFG block is
// cheap. Each held lock remembers where it was acquired: two accesses under
// the same lock taken at different sites were in different critical sections,
// which is what split-critical-section looks for.
//
// A function's lockset is relative to its own frame: it also remembers the
// locks the function released without holding them (its caller's, as in
// unlock(); sleep(); lock();), so composing it onto a caller's lockset drops
// those from the caller's.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_LOCKSET_H
#define RACELINT_LOCKSET_H

#include "AccessPath.h"

#include "clang/Basic/SourceLocation.h"

#include <algorithm>
#include <functional>

namespace racelint {

struct HeldLock {
  AccessPath Lock;
  /// Where this hold began; invalid when paths that took it at different
  /// sites merged.
  clang::SourceLocation AcquiredAt;
  /// Held for reading only (shared_lock, rdlock): excludes writers only.
  bool Shared = false;
};

class Lockset {
public:
  llvm::ArrayRef<HeldLock> locks() const { return Held; }
  bool empty() const { return Held.empty(); }

  const HeldLock *find(const AccessPath &Lock) const {
    auto It = lowerBound(Lock);
    return It != Held.end() && It->Lock == Lock ? &*It : nullptr;
  }

  void acquire(const AccessPath &Lock, clang::SourceLocation At, bool Shared) {
    auto It = lowerBound(Lock);
    if (It != Held.end() && It->Lock == Lock)
      return;
    Held.insert(It, HeldLock{Lock, At, Shared});
  }

  /// Returns false when \p Lock was not held here: it was the caller's.
  bool release(const AccessPath &Lock) {
    auto It = lowerBound(Lock);
    if (It == Held.end() || !(It->Lock == Lock)) {
      if (!llvm::is_contained(ReleasedFromCaller, Lock))
        ReleasedFromCaller.push_back(Lock);
      return false;
    }
    Held.erase(It);
    return true;
  }

  /// Keeps the locks held on both incoming paths (a must-analysis), and the
  /// caller's locks released on either (a may-analysis).
  void intersect(const Lockset &O) {
    llvm::SmallVector<HeldLock, 2> Result;
    for (const HeldLock &H : Held) {
      const HeldLock *Other = O.find(H.Lock);
      if (!Other)
        continue;
      HeldLock Merged = H;
      if (Other->AcquiredAt != H.AcquiredAt)
        Merged.AcquiredAt = clang::SourceLocation();
      Merged.Shared = H.Shared || Other->Shared;
      Result.push_back(Merged);
    }
    Held = std::move(Result);
    for (const AccessPath &Lock : O.ReleasedFromCaller)
      if (!llvm::is_contained(ReleasedFromCaller, Lock))
        ReleasedFromCaller.push_back(Lock);
  }

  /// Applies a callee's lockset \p O at a point of the callee to this, the
  /// caller's locks at the call: the callee's releases of the caller's
  /// locks, then its own locks.
  void unite(const Lockset &O) {
    for (const AccessPath &Lock : O.ReleasedFromCaller) {
      auto It = lowerBound(Lock);
      if (It != Held.end() && It->Lock == Lock)
        Held.erase(It);
    }
    for (const HeldLock &H : O.Held)
      acquire(H.Lock, H.AcquiredAt, H.Shared);
  }

  /// Rewrites every lock path, dropping those \p Map cannot express.
  Lockset mapPaths(
      const std::function<bool(const AccessPath &, AccessPath &)> &Map) const {
    Lockset Out;
    for (const HeldLock &H : Held) {
      AccessPath Mapped;
      if (Map(H.Lock, Mapped))
        Out.acquire(Mapped, H.AcquiredAt, H.Shared);
    }
    for (const AccessPath &Lock : ReleasedFromCaller) {
      AccessPath Mapped;
      if (Map(Lock, Mapped))
        Out.ReleasedFromCaller.push_back(Mapped);
    }
    return Out;
  }

  bool operator==(const Lockset &O) const {
    return ReleasedFromCaller == O.ReleasedFromCaller &&
           Held.size() == O.Held.size() &&
           std::equal(Held.begin(), Held.end(), O.Held.begin(),
                      [](const HeldLock &A, const HeldLock &B) {
                        return A.Lock == B.Lock &&
                               A.AcquiredAt == B.AcquiredAt &&
                               A.Shared == B.Shared;
                      });
  }

private:
  llvm::SmallVector<HeldLock, 2>::iterator lowerBound(const AccessPath &L) {
    return std::lower_bound(
        Held.begin(), Held.end(), L,
        [](const HeldLock &H, const AccessPath &P) { return H.Lock < P; });
  }
  llvm::SmallVector<HeldLock, 2>::const_iterator
  lowerBound(const AccessPath &L) const {
    return std::lower_bound(
        Held.begin(), Held.end(), L,
        [](const HeldLock &H, const AccessPath &P) { return H.Lock < P; });
  }

  llvm::SmallVector<HeldLock, 2> Held;
  /// May: released on some path to here without being held here.
  llvm::SmallVector<AccessPath, 1> ReleasedFromCaller;
};

/// Whether two accesses exclude each other: some lock is held by both, and
/// not only for reading by both.
inline bool excludeEachOther(const Lockset &A, const Lockset &B) {
  for (const HeldLock &H : A.locks())
    if (const HeldLock *Other = B.find(H.Lock))
      if (!(H.Shared && Other->Shared))
        return true;
  return false;
}

} // namespace racelint

#endif
