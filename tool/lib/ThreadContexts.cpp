//===--- ThreadContexts.cpp - Summaries composed per thread ---------------===//
//
// Composition walks call sites depth-first with the caller's lockset and
// running threads, and queues thread entries to be walked as contexts of
// their own. Starting the same site twice in one context makes it Multi
// rather than a second context, so the number of contexts stays bounded by
// the start sites times the distinct bindings they are handed.
//
//===----------------------------------------------------------------------===//
#include "ThreadContexts.h"

#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/ScopeExit.h"

using namespace clang;

namespace racelint {

/// Whether \p P leaves its root object through a pointer or reference.
static bool reachesThroughPointer(const AccessPath &P) {
  return llvm::any_of(
      P.steps(), [](const PathStep &S) { return S.Kind == StepKind::Deref; });
}

std::optional<AccessPath> ThreadContexts::resolve(const AccessPath &P,
                                                  const Binding &Bound,
                                                  const FunctionDecl *F,
                                                  bool &PerInstance) const {
  switch (P.rootKind()) {
  case RootKind::Global:
    return P;
  case RootKind::Param: {
    unsigned I = P.paramIndex();
    if (I >= Bound.Params.size() || !Bound.Params[I])
      return std::nullopt;
    PerInstance |= Bound.PerInstance[I];
    return P.rebase(*Bound.Params[I]);
  }
  case RootKind::This:
    if (Bound.ThisCopiedFrom && reachesThroughPointer(P))
      return P.rebase(*Bound.ThisCopiedFrom);
    // this->member->rest, with the member's value known: value->rest.
    if (P.steps().size() > 1 && P.steps()[0].Kind == StepKind::Field &&
        P.steps()[1].Kind == StepKind::Deref)
      for (const auto &[Field, Value] : Bound.ThisMembers)
        if (Field == P.steps()[0].Field) {
          AccessPath Target = Value;
          for (const PathStep &S : P.steps().drop_front())
            Target = Target.withStep(S);
          return Target;
        }
    if (!Bound.This)
      return std::nullopt;
    PerInstance |= Bound.ThisPerInstance;
    return P.rebase(*Bound.This);
  case RootKind::Local: {
    const auto *Var = static_cast<const VarDecl *>(P.rootDecl());
    // The function's own locals are new in every call; a lambda's captured
    // locals belong to its enclosing function.
    if (Var->getParentFunctionOrMethod() == F)
      PerInstance = true;
    return P;
  }
  case RootKind::Fresh:
    PerInstance = true;
    return P;
  }
  llvm_unreachable("unknown root kind");
}

Lockset ThreadContexts::resolveLocks(const Lockset &Locks, const Binding &Bound,
                                     const FunctionDecl *F) const {
  return Locks.mapPaths([&](const AccessPath &In, AccessPath &Out) {
    bool Ignored = false;
    auto R = resolve(In, Bound, F, Ignored);
    if (R)
      Out = *R;
    return R.has_value();
  });
}

const FunctionDecl *
ThreadContexts::devirtualize(const FunctionDecl *Callee,
                             const std::optional<AccessPath> &This) const {
  const auto *MD = dyn_cast<CXXMethodDecl>(Callee);
  if (!MD || !MD->isVirtual() || !This)
    return Callee;
  // The object's type is known when the path ends at a variable or a field
  // that holds the object itself (not a pointer to a base).
  QualType ObjectType;
  if (!This->steps().empty()) {
    const PathStep &Last = This->steps().back();
    if (Last.Kind != StepKind::Field)
      return Callee;
    ObjectType = Last.Field->getType();
  } else if (This->rootKind() == RootKind::Global ||
             This->rootKind() == RootKind::Local) {
    ObjectType = static_cast<const ValueDecl *>(This->rootDecl())->getType();
  } else {
    return Callee;
  }
  const CXXRecordDecl *Dynamic =
      ObjectType.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Dynamic || !Dynamic->hasDefinition())
    return Callee;
  if (const CXXMethodDecl *Override =
          MD->getCorrespondingMethodInClass(Dynamic, /*MayBeBase=*/true))
    return Override;
  return Callee;
}

unsigned ThreadContexts::startContext(unsigned Parent, const StartSite &Site,
                                      const Binding &Bound,
                                      const FunctionDecl *F) {
  Binding Child;
  const ThreadStartCall &Call = Site.Call;
  for (unsigned I = 0; I < Site.ArgValues.size(); ++I) {
    bool PerInstance = false;
    std::optional<AccessPath> V;
    if (Site.ArgValues[I])
      V = resolve(*Site.ArgValues[I], Bound, F, PerInstance);
    // An argument naming the starter's own local is shared with the starter:
    // its instance is the starter's, not the new thread's.
    bool Fresh = Site.PerInstanceArg.size() > I && Site.PerInstanceArg[I];
    Child.Params.push_back(V);
    Child.PerInstance.push_back(Fresh);
  }
  if (Site.ObjectValue) {
    bool Ignored = false;
    Child.This = resolve(*Site.ObjectValue, Bound, F, Ignored);
    Child.ThisPerInstance = Site.ObjectValue->rootKind() == RootKind::Fresh;
    if (Site.ObjectCopiedFrom)
      Child.ThisCopiedFrom = resolve(*Site.ObjectCopiedFrom, Bound, F, Ignored);
    for (const auto &[Field, Value] : Site.ObjectMembers)
      if (auto Resolved = resolve(Value, Bound, F, Ignored))
        Child.ThisMembers.push_back({Field, *Resolved});
  }
  const FunctionDecl *Entry = Call.Entry;
  if (Entry)
    Entry = devirtualize(Entry, Child.This);

  // The same site started again with the same binding: more instances.
  llvm::SmallVector<unsigned, 1> &Siblings = BySite[{&Site, Parent}];
  for (unsigned Id : Siblings) {
    const Binding &Old = ContextBindings[Id];
    if (Old.Params == Child.Params && Old.This == Child.This) {
      Contexts[Id].Multi = true;
      return Id;
    }
  }
  Siblings.push_back(Contexts.size());
  ThreadContext C;
  C.Site = &Site;
  C.Entry = Entry;
  C.Parent = int(Parent);
  C.Multi = Site.InLoop || Contexts[Parent].Multi;
  Contexts.push_back(C);
  ContextBindings.push_back(Child);
  Pending.push_back({unsigned(Contexts.size() - 1), Child});
  return Contexts.size() - 1;
}

void ThreadContexts::walk(unsigned Context, const FunctionDecl *F,
                          const Binding &Bound, const Lockset &EntryLocks,
                          llvm::ArrayRef<unsigned> EntryLive, unsigned Depth,
                          LiveMap &Started) {
  constexpr unsigned MaxDepth = 48;
  const FunctionSummary *S = Cache.get(F);
  if (!S || Depth > MaxDepth || Budget == 0)
    return;
  // Recursion: the outer call of F already records what F does.
  if (!OnStack.insert(F).second)
    return;
  auto PopStack = llvm::make_scope_exit([&] { OnStack.erase(F); });
  // A function configured to run on one thread only, and all it calls.
  SingleThreadDepth += S->SingleThread;
  auto PopSingle =
      llvm::make_scope_exit([&] { SingleThreadDepth -= S->SingleThread; });
  // The same call in the same state again (a diamond in the call graph, a
  // helper called twice): nothing new, except that threads it starts now
  // run in several instances.
  size_t Key = walkKey(Context, F, Bound, EntryLocks, EntryLive);
  auto Seen = Walked.find(Key);
  if (Seen != Walked.end()) {
    for (unsigned Id = Seen->second.FirstContext; Id < Seen->second.EndContext;
         ++Id)
      Contexts[Id].Multi = true;
    for (const auto &Entry : Seen->second.Started)
      Started[Entry.first] = Entry.second;
    return;
  }
  --Budget;
  unsigned FirstContext = Contexts.size();

  // Threads this function starts, then those its callees leave running.
  LiveMap Local;
  for (const StartSite &Site : S->Starts) {
    unsigned Id = startContext(Context, Site, Bound, F);
    for (const LiveStart &L : S->LiveStarts)
      if (L.Site == &Site && !L.Via)
        Local[&L] = Id;
  }
  auto LiveIds = [&](llvm::ArrayRef<const LiveStart *> Live) {
    llvm::SmallVector<unsigned, 4> Ids(EntryLive.begin(), EntryLive.end());
    for (const LiveStart *L : Live) {
      auto It = Local.find(L);
      if (It != Local.end() && llvm::find(Ids, It->second) == Ids.end())
        Ids.push_back(It->second);
    }
    return Ids;
  };

  for (const CallSite &Call : S->Calls) {
    Binding CalleeBinding;
    for (const auto &Arg : Call.ArgValues) {
      bool PerInstance = false;
      CalleeBinding.Params.push_back(Arg ? resolve(*Arg, Bound, F, PerInstance)
                                         : std::nullopt);
      CalleeBinding.PerInstance.push_back(PerInstance);
    }
    if (Call.ThisValue) {
      CalleeBinding.This =
          resolve(*Call.ThisValue, Bound, F, CalleeBinding.ThisPerInstance);
      // A method of the copy itself (or of one of its members) still reaches
      // the original's memory through the copy's pointers.
      if (Bound.ThisCopiedFrom &&
          Call.ThisValue->rootKind() == RootKind::This &&
          !reachesThroughPointer(*Call.ThisValue))
        CalleeBinding.ThisCopiedFrom =
            Call.ThisValue->rebase(*Bound.ThisCopiedFrom);
      if (*Call.ThisValue == AccessPath::thisObject())
        CalleeBinding.ThisMembers = Bound.ThisMembers;
    }
    const FunctionDecl *Callee =
        Call.Virtual ? devirtualize(Call.Callee, CalleeBinding.This)
                     : Call.Callee;
    Lockset Locks = EntryLocks;
    Locks.unite(resolveLocks(Call.Locks, Bound, F));
    LiveMap CalleeStarted;
    walk(Context, Callee, CalleeBinding, Locks, LiveIds(Call.Live), Depth + 1,
         CalleeStarted);
    for (const LiveStart &L : S->LiveStarts)
      if (L.Via == Call.Where) {
        auto It = CalleeStarted.find(L.Inner);
        if (It != CalleeStarted.end())
          Local[&L] = It->second;
      }
  }

  for (const StartSite &Site : S->Starts)
    for (const LiveStart &L : S->LiveStarts)
      if (L.Site == &Site && !L.Via) {
        ThreadContext &C = Contexts[Local[&L]];
        for (unsigned Id : LiveIds(Site.LiveBefore))
          if (llvm::find(C.LiveAtStart, Id) == C.LiveAtStart.end())
            C.LiveAtStart.push_back(Id);
      }

  for (const Access &A : S->Accesses) {
    if (Budget == 0 || SingleThreadDepth > 0)
      break;
    --Budget;
    bool PerInstance = false;
    auto Path = resolve(A.Path, Bound, F, PerInstance);
    if (!Path)
      continue;
    ResolvedAccess R;
    R.Source = &A;
    R.PerInstance = PerInstance || Path->hasDistinctElement();
    R.Path = Path->withPlainElements();
    R.Context = Context;
    R.Locks = EntryLocks;
    R.Locks.unite(resolveLocks(A.Locks, Bound, F));
    R.Live = LiveIds(A.Live);
    if (A.Update) {
      R.Update = A.Update;
      Lockset ReadLocks = EntryLocks;
      ReadLocks.unite(resolveLocks(A.Update->ReadLocks, Bound, F));
      R.Update->ReadLocks = ReadLocks;
    }
    Accesses.push_back(std::move(R));
  }

  for (const LockAcquisition &A : S->Acquisitions) {
    bool Ignored = false;
    auto Lock = resolve(A.Lock, Bound, F, Ignored);
    if (!Lock)
      continue;
    Lockset Held = EntryLocks;
    Held.unite(resolveLocks(A.HeldBefore, Bound, F));
    Acquisitions.push_back({&A, *Lock, Held, Context, LiveIds(A.Live)});
  }
  for (const BlockingCall &B : S->BlockingCalls) {
    Lockset Held = EntryLocks;
    Held.unite(resolveLocks(B.Locks, Bound, F));
    BlockingCalls.push_back({&B, Held, Context});
  }
  for (const DetachSite &D : S->Detaches) {
    auto It = Local.find(D.Thread);
    if (It != Local.end())
      Detaches.push_back({&D, Context, It->second});
  }

  for (const auto &Entry : Local)
    Started[Entry.first] = Entry.second;
  Walked[Key] = {FirstContext, unsigned(Contexts.size()), Local};
}

size_t ThreadContexts::walkKey(unsigned Context, const FunctionDecl *F,
                               const Binding &Bound, const Lockset &Locks,
                               llvm::ArrayRef<unsigned> Live) const {
  llvm::hash_code H = llvm::hash_combine(Context, F, Bound.This.has_value(),
                                         SingleThreadDepth > 0);
  if (Bound.This)
    H = llvm::hash_combine(H, *Bound.This);
  for (const auto &Param : Bound.Params)
    H = Param ? llvm::hash_combine(H, *Param) : llvm::hash_combine(H, 0);
  for (bool PerInstance : Bound.PerInstance)
    H = llvm::hash_combine(H, PerInstance);
  for (const HeldLock &L : Locks.locks())
    H = llvm::hash_combine(H, L.Lock, L.AcquiredAt.getRawEncoding(), L.Shared);
  for (unsigned Id : Live)
    H = llvm::hash_combine(H, Id);
  return H;
}

void ThreadContexts::compose(llvm::ArrayRef<const FunctionDecl *> Roots) {
  for (const FunctionDecl *Root : Roots) {
    ThreadContext C;
    C.Entry = Root;
    Contexts.push_back(C);
    ContextBindings.emplace_back();
    LiveMap Started;
    walk(Contexts.size() - 1, Root, Binding(), Lockset(), {}, 0, Started);
    // Thread entries, breadth-first: each is walked once per context.
    for (size_t I = 0; I < Pending.size(); ++I) {
      PendingThread Thread = Pending[I];
      const ThreadContext &TC = Contexts[Thread.Context];
      if (!TC.Entry)
        continue;
      LiveMap Ignored;
      walk(Thread.Context, TC.Entry, Thread.Bound, Lockset(), {}, 0, Ignored);
    }
    Pending.clear();
  }
}

bool ThreadContexts::isAncestor(unsigned Ancestor, unsigned Context) const {
  for (int C = int(Context); C >= 0; C = Contexts[C].Parent)
    if (unsigned(C) == Ancestor)
      return true;
  return false;
}

bool ThreadContexts::mayRunConcurrently(const ResolvedAccess &A,
                                        const ResolvedAccess &B) const {
  if (A.Context == B.Context)
    return Contexts[A.Context].Multi && !(A.PerInstance && B.PerInstance);
  return mayRunConcurrently(A.Context, A.Live, B.Context, B.Live);
}

bool ThreadContexts::mayRunConcurrently(unsigned ContextA,
                                        llvm::ArrayRef<unsigned> LiveA,
                                        unsigned ContextB,
                                        llvm::ArrayRef<unsigned> LiveB) const {
  if (ContextA == ContextB)
    return Contexts[ContextA].Multi;
  // One side's code runs while the other's thread (or an ancestor of it)
  // is live.
  for (int C = int(ContextB); C >= 0; C = Contexts[C].Parent)
    if (llvm::is_contained(LiveA, unsigned(C)))
      return true;
  for (int C = int(ContextA); C >= 0; C = Contexts[C].Parent)
    if (llvm::is_contained(LiveB, unsigned(C)))
      return true;
  // Two threads below a common ancestor: siblings overlap when one was
  // started while the other ran; any two instances of a Multi ancestor do.
  for (int CA = int(ContextA); CA >= 0; CA = Contexts[CA].Parent) {
    for (int CB = int(ContextB); CB >= 0; CB = Contexts[CB].Parent) {
      if (Contexts[CA].Parent < 0 || Contexts[CA].Parent != Contexts[CB].Parent)
        continue;
      if (CA == CB)
        continue;
      if (llvm::is_contained(Contexts[CA].LiveAtStart, unsigned(CB)) ||
          llvm::is_contained(Contexts[CB].LiveAtStart, unsigned(CA)))
        return true;
    }
    if (CA != int(ContextA) && Contexts[CA].Multi &&
        isAncestor(unsigned(CA), ContextB))
      return true;
  }
  return false;
}

} // namespace racelint
