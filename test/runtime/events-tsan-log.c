// racelint-confirm runs a program with RACELINT_RT_EVENTS_DIR=DIR and
// TSAN_OPTIONS=log_path=DIR/tsan: the shim's events and TSan's reports end up
// side by side, one file each per process.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.dir && mkdir %t.dir
// RUN: env RACELINT_RT_EVENTS_DIR=%t.dir TSAN_OPTIONS=atexit_sleep_ms=0:log_path=%t.dir/tsan \
// RUN:   not %t | FileCheck --check-prefix=OUT %s
// RUN: ls %t.dir | FileCheck --check-prefix=FILES %s
// RUN: FileCheck --check-prefix=TSAN %s < %t.dir/tsan.*
// RUN: FileCheck --check-prefix=EVENTS %s < %t.dir/racelint-rt.*.events
#include <pthread.h>
#include <stdio.h>

// From the TSan runtime: a barrier that creates no happens-before edge; it
// keeps the two updates apart in time, so TSan cannot miss the race.
void __tsan_testonly_barrier_init(unsigned long long *Barrier, unsigned Count);
void __tsan_testonly_barrier_wait(unsigned long long *Barrier);

static unsigned long long SpentFirst;
static int money = 100;

static void *spend(void *Arg) {
  money = money - 1;
  __tsan_testonly_barrier_wait(&SpentFirst);
  return Arg;
}

int main(void) {
  __tsan_testonly_barrier_init(&SpentFirst, 2);
  pthread_t T;
  pthread_create(&T, NULL, spend, NULL);
  __tsan_testonly_barrier_wait(&SpentFirst);
  money = money - 1;
  pthread_join(T, NULL);
  printf("money = %d\n", money);
  return 0;
}
// OUT: money = 98

// FILES: racelint-rt.[[PID:[0-9]+]].events
// FILES-NEXT: tsan.[[PID]]

// TSAN: WARNING: ThreadSanitizer: data race
// TSAN: SUMMARY: ThreadSanitizer: data race {{.*}}events-tsan-log.c:{{24|34}}

// EVENTS: start{{.}}thread=1{{.}}
// EVENTS: exit{{.}}thread=0{{.}}
