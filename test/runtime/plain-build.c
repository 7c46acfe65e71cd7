// Without TSan the shim still tracks threads, through libc's pthread_create
// (dlsym(RTLD_NEXT)), but has no symbolizer: entries and sites are given as
// module+offset, for addr2line.
//
// RUN: %clang -g %s %rtflags -o %t
// RUN: %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt
#include "racelint_rt.h"
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *background(void *Arg) {
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

static void *joined(void *Arg) { return Arg; }

int main(void) {
  pthread_barrier_init(&Started, NULL, 2);
  pthread_t T;
  pthread_create(&T, NULL, joined, NULL);
  pthread_join(T, NULL);
  pthread_create(&T, NULL, background, NULL);
  pthread_detach(T);
  pthread_barrier_wait(&Started);
  __racelint_window(__FILE__, 1);
  puts("main returns");
  fflush(stdout);
  return 0;
}
// CHECK: main returns
// CHECK-NEXT: racelint-rt: detached thread still running at exit: entry '{{.*}}plain-build.c.tmp+0x{{[0-9a-f]+}}' started at {{.*}}plain-build.c.tmp+0x{{[0-9a-f]+}}, running for {{[0-9]+}} ms
