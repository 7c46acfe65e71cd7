// With the shim linked, TSan still sees every thread and reports a data race
// as it would without the shim, with the stacks of both accesses and of the
// thread's creation; the one difference is the shim's pthread_create frame in
// the latter.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: not %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt
#include <pthread.h>
#include <stdio.h>

static int money = 100;

static void *spend(void *Arg) {
  money = money - 1;
  return Arg;
}

int main(void) {
  pthread_t T;
  pthread_create(&T, NULL, spend, NULL);
  money = money - 1;
  pthread_join(T, NULL);
  printf("money = %d\n", money);
  return 0;
}
// The racing accesses, with no frame of the shim's below the thread's entry.
// CHECK:      WARNING: ThreadSanitizer: data race
// CHECK-NEXT:   {{Read|Write}} of size 4 at {{.*}} by {{.*}}:
// CHECK-NEXT:     #0 {{spend|main}} {{.*}}tsan-race-reported.c:{{14|21}}
// CHECK-EMPTY:
// CHECK-NEXT:   Previous {{read|write}} of size 4 at {{.*}} by {{.*}}:
// CHECK-NEXT:     #0 {{spend|main}} {{.*}}tsan-race-reported.c:{{14|21}}
// CHECK-EMPTY:
// CHECK-NEXT: Location is global 'money'
// The thread's creation, by main at line 20, through the shim's pthread_create.
// CHECK:      Thread T1 {{.*}} created by main thread at:
// CHECK-NEXT:   #0 pthread_create
// CHECK-NEXT:   #1 pthread_create {{.*}}rl_interceptors.c
// CHECK-NEXT:   #2 main {{.*}}tsan-race-reported.c:20
// CHECK-EMPTY:
// CHECK-NEXT: SUMMARY: ThreadSanitizer: data race
// CHECK:      ThreadSanitizer: reported 1 warnings
// CHECK:      money = {{98|99}}
