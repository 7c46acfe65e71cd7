// A thread is detached whichever way: created with PTHREAD_CREATE_DETACHED,
// or detaching itself.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer
#include <pthread.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *createdDetached(void *Arg) {
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

static void *detachesItself(void *Arg) {
  pthread_detach(pthread_self());
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

int main(void) {
  pthread_barrier_init(&Started, NULL, 3);
  pthread_attr_t Detached;
  pthread_attr_init(&Detached);
  pthread_attr_setdetachstate(&Detached, PTHREAD_CREATE_DETACHED);
  pthread_t T;
  pthread_create(&T, &Detached, createdDetached, NULL);
  // CHECK: racelint-rt: detached thread still running at exit: entry 'createdDetached' started at {{.*}}thread-created-detached.c:[[@LINE-1]]:3, running for {{[0-9]+}} ms
  pthread_create(&T, NULL, detachesItself, NULL);
  // CHECK: racelint-rt: detached thread still running at exit: entry 'detachesItself' started at {{.*}}thread-created-detached.c:[[@LINE-1]]:3, running for {{[0-9]+}} ms
  pthread_barrier_wait(&Started);
  return 0;
}
