// The lecture's money race: every thread reads money, then writes money - 1.
// A race window right after the read (the lecture's sleep(0.1), applied from
// outside) lets every thread read before any writes, so updates are lost on
// every run, not once in a while. The probe passes the line of the read, as
// racelint-confirm's probes do.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.events
// RUN: env RACELINT_RT_WINDOWS=window-lost-update.c:23=50 RACELINT_RT_EVENTS_DIR=%t.events not %t 2>&1 | FileCheck %s
// RUN: FileCheck --check-prefix=EVENTS %s < %t.events/racelint-rt.*.events
#include "racelint_rt.h"
#include <pthread.h>
#include <stdio.h>

enum { Threads = 10 };

static int money = 100;
static pthread_barrier_t Go;

static void *spend(void *Arg) {
  pthread_barrier_wait(&Go);
  int tmp = money;
  __racelint_window(__FILE__, 23);
  money = tmp - 1;
  return Arg;
}

int main(void) {
  pthread_barrier_init(&Go, NULL, Threads);
  pthread_t T[Threads];
  for (int I = 0; I < Threads; ++I)
    pthread_create(&T[I], NULL, spend, NULL);
  for (int I = 0; I < Threads; ++I)
    pthread_join(T[I], NULL);
  printf("money = %d\n", money);
  return 0;
}
// CHECK: WARNING: ThreadSanitizer: data race
// CHECK: money = {{9[1-9]$}}

// EVENTS: window{{.}}thread={{[0-9]+}}{{.}}time_us={{[0-9]+}}{{.}}site=window-lost-update.c:23{{.}}ms=50{{$}}
// EVENTS: window-hits{{.}}thread=0{{.}}time_us={{[0-9]+}}{{.}}site=window-lost-update.c:23{{.}}hits=10{{$}}
