//===--- rl_rtl.c - Start-up, the clock, fork -----------------------------===//
//
// The runtime starts from a constructor that runs before the program's own
// (priority 101), or earlier, from the first interceptor or probe a program
// reaches in a constructor of its own.
//
// The exit report is registered with atexit() at start-up. Handlers run in
// reverse order of registration, so the report comes after the program's own
// atexit handlers and static destructors (which a detached thread still races
// with) and before TSan's finalizer: TSan registered that even earlier, at
// preinit, and it ends the process with _exit(66) when it reported races, so
// a destructor (.fini_array) would never run then. The call goes through
// TSan's atexit interceptor, which adds a happens-before edge from here to
// the handler; that hides nothing, since every thread the program creates
// starts after this point.
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <stdlib.h>
#include <time.h>

__thread int __racelint_inShim;
__thread unsigned __racelint_selfId;

enum { RlNotStarted, RlStarting, RlStarted };
static int InitState = RlNotStarted;
static uint64_t StartNs;

static uint64_t monotonicNs(void) {
  struct timespec Now;
  clock_gettime(CLOCK_MONOTONIC, &Now);
  return (uint64_t)Now.tv_sec * 1000000000u + (uint64_t)Now.tv_nsec;
}

uint64_t __racelint_nowUs(void) { return (monotonicNs() - StartNs) / 1000; }

static void forkPrepare(void) { __racelint_threadsForkPrepare(); }

static void forkParent(void) { __racelint_threadsForkParent(); }

/// The child has one thread, the one that forked; it becomes the child's main
/// thread and writes its own events file.
static void forkChild(void) {
  __racelint_threadsForkChild();
  __racelint_selfId = 0;
  __racelint_eventsOpen();
}

void __racelint_init(void) {
  if (__atomic_load_n(&InitState, __ATOMIC_ACQUIRE) == RlStarted)
    return;
  int Expected = RlNotStarted;
  if (!__atomic_compare_exchange_n(&InitState, &Expected, RlStarting, 0,
                                   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
    // A signal handler interrupting this thread's own start-up cannot wait
    // for it; the caller sees the guard set and skips the shim.
    if (__racelint_inShim)
      return;
    while (__atomic_load_n(&InitState, __ATOMIC_ACQUIRE) != RlStarted)
      sched_yield();
    return;
  }
  ++__racelint_inShim;
  StartNs = monotonicNs();
  __racelint_flagsInit();
  __racelint_windowsInit();
  __racelint_eventsOpen();
  __racelint_interceptorsInit();
  atexit(__racelint_atExit);
  pthread_atfork(forkPrepare, forkParent, forkChild);
  --__racelint_inShim;
  __atomic_store_n(&InitState, RlStarted, __ATOMIC_RELEASE);
}

__attribute__((constructor(101))) static void initEarly(void) {
  __racelint_init();
}
