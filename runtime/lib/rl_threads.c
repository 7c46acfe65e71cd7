//===--- rl_threads.c - The registry of thread records --------------------===//
//
// Live records under one spinlock. A record is live from pthread_create until
// its thread has finished and has been joined or detached; then it moves to a
// free list and is reused, never freed (see the invariant in rl_internal.h).
// Nothing but list and field updates happens under the lock: no allocation,
// no output, so no lock order with TSan's own locks can arise.
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <stdlib.h>

static RlSpinLock Lock;
/// Newest first.
static RlThread *Live;
static RlThread *Free;
static unsigned NextId = 1;

static void retireLocked(RlThread *T) {
  for (RlThread **Link = &Live; *Link; Link = &(*Link)->Next) {
    if (*Link != T)
      continue;
    *Link = T->Next;
    break;
  }
  ++T->Generation;
  T->Next = Free;
  Free = T;
}

/// A thread's handle names one live thread at a time, so another record still
/// holding it belongs to a thread that finished and was joined where the shim
/// does not look (pthread_tryjoin_np, pthread_timedjoin_np).
static void setHandleLocked(RlThread *T, pthread_t Handle) {
  if (T->HasHandle)
    return;
  RlThread *Next;
  for (RlThread *Other = Live; Other; Other = Next) {
    Next = Other->Next;
    if (Other != T && Other->HasHandle && pthread_equal(Other->Handle, Handle))
      retireLocked(Other);
  }
  T->Handle = Handle;
  T->HasHandle = 1;
}

static int isCurrentLocked(const RlThread *T, unsigned Generation) {
  return T && T->Generation == Generation;
}

RlThread *__racelint_threadAdd(const RlThread *Proto, unsigned *Generation) {
  rlLock(&Lock);
  RlThread *T = Free;
  if (T)
    Free = T->Next;
  rlUnlock(&Lock);
  if (!T) {
    T = calloc(1, sizeof(*T));
    if (!T)
      return NULL;
  }

  // A stale (record, generation) pair may still be checked against this
  // record, so its Generation changes only under the lock, and only upwards.
  rlLock(&Lock);
  unsigned Recycled = T->Generation;
  *T = *Proto;
  T->Generation = Recycled;
  T->Id = NextId++;
  T->Next = Live;
  Live = T;
  *Generation = T->Generation;
  rlUnlock(&Lock);
  return T;
}

void __racelint_threadCreated(RlThread *T, unsigned Generation,
                              pthread_t Handle) {
  rlLock(&Lock);
  if (isCurrentLocked(T, Generation))
    setHandleLocked(T, Handle);
  rlUnlock(&Lock);
}

void __racelint_threadCreateFailed(RlThread *T) {
  rlLock(&Lock);
  retireLocked(T);
  rlUnlock(&Lock);
}

void __racelint_threadStarted(RlThread *T) {
  rlLock(&Lock);
  setHandleLocked(T, pthread_self());
  rlUnlock(&Lock);
}

uint64_t __racelint_threadFinished(RlThread *T) {
  uint64_t Now = __racelint_nowUs();
  rlLock(&Lock);
  uint64_t Ran = Now - T->StartUs;
  T->Finished = 1;
  if (T->Detached)
    retireLocked(T);
  rlUnlock(&Lock);
  return Ran;
}

RlThread *__racelint_threadFind(pthread_t Handle, unsigned *Generation) {
  rlLock(&Lock);
  RlThread *Found = NULL;
  for (RlThread *T = Live; T && !Found; T = T->Next)
    if (T->HasHandle && pthread_equal(T->Handle, Handle))
      Found = T;
  if (Found)
    *Generation = Found->Generation;
  rlUnlock(&Lock);
  return Found;
}

unsigned __racelint_threadDetached(RlThread *T, unsigned Generation) {
  unsigned Id = 0;
  rlLock(&Lock);
  if (isCurrentLocked(T, Generation)) {
    Id = T->Id;
    T->Detached = 1;
    if (T->Finished)
      retireLocked(T);
  }
  rlUnlock(&Lock);
  return Id;
}

unsigned __racelint_threadJoined(RlThread *T, unsigned Generation) {
  unsigned Id = 0;
  rlLock(&Lock);
  if (isCurrentLocked(T, Generation)) {
    Id = T->Id;
    retireLocked(T);
  }
  rlUnlock(&Lock);
  return Id;
}

static int isAliveLocked(const RlThread *T, unsigned ExitingId) {
  return !T->Finished && T->Id != ExitingId;
}

RlThread *__racelint_threadsAlive(unsigned ExitingId, size_t *Count) {
  size_t Capacity = 0;
  rlLock(&Lock);
  for (RlThread *T = Live; T; T = T->Next)
    Capacity += isAliveLocked(T, ExitingId);
  rlUnlock(&Lock);
  *Count = 0;
  if (Capacity == 0)
    return NULL;
  RlThread *Copies = malloc(Capacity * sizeof(*Copies));
  if (!Copies)
    return NULL;

  rlLock(&Lock);
  for (RlThread *T = Live; T && *Count < Capacity; T = T->Next)
    if (isAliveLocked(T, ExitingId))
      Copies[(*Count)++] = *T;
  rlUnlock(&Lock);

  // Live is newest first; report in creation order.
  for (size_t I = 1; I < *Count; ++I) {
    RlThread Key = Copies[I];
    size_t J = I;
    for (; J > 0 && Copies[J - 1].Id > Key.Id; --J)
      Copies[J] = Copies[J - 1];
    Copies[J] = Key;
  }
  return Copies;
}

void __racelint_threadsForkPrepare(void) { rlLock(&Lock); }

void __racelint_threadsForkParent(void) { rlUnlock(&Lock); }

void __racelint_threadsForkChild(void) {
  while (Live) {
    RlThread *T = Live;
    Live = T->Next;
    ++T->Generation;
    T->Next = Free;
    Free = T;
  }
  rlUnlock(&Lock);
}
