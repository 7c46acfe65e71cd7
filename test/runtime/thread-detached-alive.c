// The lecture's daemon thread in C: a detached thread still running when main
// returns is reported with its entry, the line that started it and how long
// it had run. TSan itself has nothing to say about it.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: %t 2>%t.err | FileCheck --check-prefix=OUT %s
// RUN: FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer < %t.err
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *lichang(void *Arg) {
  puts("lichang is running");
  pthread_barrier_wait(&Started);
  pause();
  puts("lichang is over");
  return Arg;
}

int main(void) {
  pthread_barrier_init(&Started, NULL, 2);
  pthread_t Daemon;
  pthread_create(&Daemon, NULL, lichang, NULL);
  // CHECK: racelint-rt: detached thread still running at exit: entry 'lichang' started at {{.*}}thread-detached-alive.c:[[@LINE-1]]:3, running for {{[0-9]+}} ms
  pthread_detach(Daemon);
  pthread_barrier_wait(&Started);
  puts("main is over");
  return 0;
}
// OUT: lichang is running
// OUT-NEXT: main is over
// OUT-NOT: lichang is over
