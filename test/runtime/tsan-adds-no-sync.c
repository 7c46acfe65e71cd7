// The shim adds no synchronization TSan can see. Here the first thread's
// write and the second thread's write are ordered only by a barrier TSan
// does not see, and between them run the shim's bookkeeping for the first
// thread's end and the second one's start. Were that bookkeeping a mutex
// TSan knows, it would order the writes and hide the race.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.events
// RUN: env RACELINT_RT_EVENTS_DIR=%t.events not %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt
#include <pthread.h>
#include <stdio.h>

// From the TSan runtime: a barrier that creates no happens-before edge.
void __tsan_testonly_barrier_init(unsigned long long *Barrier, unsigned Count);
void __tsan_testonly_barrier_wait(unsigned long long *Barrier);

static unsigned long long FirstEnded;
static pthread_key_t Ending;
static int Shared;

// Runs after the shim has recorded the thread's end (see
// thread-finished-not-reported.c).
static void onEnding(void *Arg) { __tsan_testonly_barrier_wait(&FirstEnded); }

static void *first(void *Arg) {
  pthread_setspecific(Ending, &Ending);
  Shared = 1;
  return Arg;
}

static void *second(void *Arg) {
  Shared = 2;
  return Arg;
}

int main(void) {
  __tsan_testonly_barrier_init(&FirstEnded, 2);
  pthread_key_create(&Ending, onEnding);
  pthread_attr_t Detached;
  pthread_attr_init(&Detached);
  pthread_attr_setdetachstate(&Detached, PTHREAD_CREATE_DETACHED);
  pthread_t First, Second;
  pthread_create(&First, &Detached, first, NULL);
  __tsan_testonly_barrier_wait(&FirstEnded);
  pthread_create(&Second, NULL, second, NULL);
  pthread_join(Second, NULL);
  puts("done");
  return 0;
}
// CHECK:      WARNING: ThreadSanitizer: data race
// CHECK-NEXT:   Write of size 4 at {{.*}} by thread T2:
// CHECK-NEXT:     #0 second {{.*}}tsan-adds-no-sync.c:32
// CHECK:        Previous write of size 4 at {{.*}} by thread T1:
// CHECK-NEXT:     #0 first {{.*}}tsan-adds-no-sync.c:27
// CHECK:      done
