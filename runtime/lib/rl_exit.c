//===--- rl_exit.c - The report of threads alive at exit ------------------===//
//
// Runs once, in the thread that called exit() or returned from main, after
// the program's atexit handlers and static destructors and before TSan's
// finalizer (see rl_rtl.c). The other threads keep running meanwhile; the
// report is of one snapshot. The exit event comes last, so an events file
// whose last line is not 'exit' belongs to a process that did not exit
// normally.
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <stdlib.h>

static int Reported;

static void reportAlive(const RlThread *T, uint64_t NowUs) {
  char Entry[512], Site[1024];
  __racelint_nameEntry(T, Entry, sizeof(Entry));
  __racelint_nameSite(T, Site, sizeof(Site));
  uint64_t RanUs = NowUs > T->StartUs ? NowUs - T->StartUs : 0;

  if (__racelint_flags.report_alive) {
    RlLine L = {.Len = 0};
    __racelint_lineAppend(&L, "racelint-rt: ");
    __racelint_lineAppend(&L, T->Detached ? "detached" : "joinable");
    __racelint_lineAppend(&L, " thread still running at exit: entry '");
    __racelint_lineAppend(&L, Entry);
    __racelint_lineAppend(&L, "' started at ");
    __racelint_lineAppend(&L, Site);
    __racelint_lineAppend(&L, ", running for ");
    __racelint_lineAppendUInt(&L, RanUs / 1000);
    __racelint_lineAppend(&L, " ms");
    __racelint_stderrWrite(&L);
  }

  RlLine L = {.Len = 0};
  __racelint_lineEvent(&L, "alive-at-exit", T->Id);
  __racelint_lineFieldUInt(&L, "parent", T->ParentId);
  __racelint_lineFieldUInt(&L, "detached", (uint64_t)T->Detached);
  __racelint_lineField(&L, "entry", Entry);
  __racelint_lineField(&L, "site", Site);
  __racelint_lineFieldUInt(&L, "ran_us", RanUs);
  __racelint_eventWrite(&L);
}

void __racelint_atExit(void) {
  // exit() from two threads at once is undefined, but happens; one report.
  if (__atomic_exchange_n(&Reported, 1, __ATOMIC_RELAXED))
    return;
  // exit() from a signal handler that interrupted this thread inside the
  // shim: the registry lock may be this thread's own. No report; the events
  // file then lacks its exit line, as for any abnormal end.
  if (__racelint_inShim)
    return;
  unsigned Exiting = __racelint_selfId;
  size_t Count;
  RlThread *Alive = __racelint_threadsAlive(Exiting, &Count);
  uint64_t NowUs = __racelint_nowUs();
  for (size_t I = 0; I < Count; ++I)
    reportAlive(&Alive[I], NowUs);
  free(Alive);

  __racelint_windowsAtExit();
  RlLine L = {.Len = 0};
  __racelint_lineEvent(&L, "exit", Exiting);
  __racelint_lineFieldUInt(&L, "alive", Count);
  __racelint_eventWrite(&L);
}
