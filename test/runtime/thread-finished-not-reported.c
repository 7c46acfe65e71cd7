// Threads that are done when the process exits are not reported: a joined
// thread, a detached one, one created detached, and one that ended by
// pthread_exit.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

// A detached thread cannot be joined, so each thread posts Ended from this
// key's destructor as it ends. The shim has recorded the end by then, in its
// own key's destructor: glibc runs them in order of key creation, and the
// shim's key is made before main.
static pthread_key_t Ending;
static sem_t Ended;

static void onEnding(void *Arg) { sem_post(&Ended); }

static void *work(void *Arg) {
  pthread_setspecific(Ending, &Ending);
  return Arg;
}

static void *workThenExit(void *Arg) {
  pthread_setspecific(Ending, &Ending);
  pthread_exit(Arg);
}

int main(void) {
  sem_init(&Ended, 0, 0);
  pthread_key_create(&Ending, onEnding);
  pthread_attr_t Detached;
  pthread_attr_init(&Detached);
  pthread_attr_setdetachstate(&Detached, PTHREAD_CREATE_DETACHED);

  pthread_t T;
  pthread_create(&T, NULL, work, NULL);
  pthread_join(T, NULL);
  sem_wait(&Ended);

  pthread_create(&T, NULL, work, NULL);
  pthread_detach(T);
  sem_wait(&Ended);

  pthread_create(&T, &Detached, work, NULL);
  sem_wait(&Ended);

  pthread_create(&T, &Detached, workThenExit, NULL);
  sem_wait(&Ended);

  puts("all done");
  return 0;
}
// CHECK: all done
