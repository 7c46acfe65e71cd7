// With the shim linked, TSan still sees every thread and reports a data race
// as it would without the shim, with the stacks of both accesses and of the
// thread's creation; the one difference is the shim's pthread_create frame in
// the latter. A barrier TSan does not see orders the two updates, so they
// never run at the same instant (TSan can miss a race whose accesses do).
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: not %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt
#include <pthread.h>
#include <stdio.h>

// From the TSan runtime: a barrier that creates no happens-before edge.
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
// The racing accesses, with no frame of the shim's below the thread's entry.
// CHECK:      WARNING: ThreadSanitizer: data race
// CHECK-NEXT:   {{Read|Write}} of size 4 at {{.*}} by {{.*}}:
// CHECK-NEXT:     #0 {{spend|main}} {{.*}}tsan-race-reported.c:{{20|30}}
// CHECK-EMPTY:
// CHECK-NEXT:   Previous {{read|write}} of size 4 at {{.*}} by {{.*}}:
// CHECK-NEXT:     #0 {{spend|main}} {{.*}}tsan-race-reported.c:{{20|30}}
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'money'
// The thread's creation, by main at line 28, through the shim's pthread_create.
// CHECK:      Thread T1 {{.*}} created by main thread at:
// CHECK-NEXT:   #0 pthread_create
// CHECK-NEXT:   #1 pthread_create {{.*}}rl_interceptors.c
// CHECK-NEXT:   #2 main {{.*}}tsan-race-reported.c:28
// CHECK-EMPTY:
// CHECK-NEXT: SUMMARY: ThreadSanitizer: data race
// CHECK:      ThreadSanitizer: reported 1 warnings
// CHECK:      money = 98
