// Returning from main ends every thread, joinable or not: C has no daemon
// flag, main just does not wait. A thread never joined and still running is
// reported as joinable; the one that was joined is not.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer
#include <pthread.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *forgotten(void *Arg) {
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

static void *joined(void *Arg) { return Arg; }

int main(void) {
  pthread_barrier_init(&Started, NULL, 2);
  pthread_t Forgotten, Joined;
  pthread_create(&Forgotten, NULL, forgotten, NULL);
  // CHECK: racelint-rt: joinable thread still running at exit: entry 'forgotten' started at {{.*}}thread-joinable-alive.c:[[@LINE-1]]:3, running for {{[0-9]+}} ms
  pthread_create(&Joined, NULL, joined, NULL);
  pthread_join(Joined, NULL);
  pthread_barrier_wait(&Started);
  return 0;
}
