// exit() called by a thread ends the process while main waits in
// pthread_join: the report runs in the exiting thread and lists the others,
// not itself.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.events
// RUN: env RACELINT_RT_EVENTS_DIR=%t.events not %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer
// RUN: FileCheck --check-prefix=EVENTS %s < %t.events/racelint-rt.*.events
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *background(void *Arg) {
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

static void *quitter(void *Arg) {
  pthread_barrier_wait(&Started);
  exit(3);
}

int main(void) {
  pthread_barrier_init(&Started, NULL, 2);
  pthread_t Daemon, Quitter;
  pthread_create(&Daemon, NULL, background, NULL);
  // CHECK: racelint-rt: detached thread still running at exit: entry 'background' started at {{.*}}thread-exit-from-thread.c:[[@LINE-1]]:3, running for {{[0-9]+}} ms
  pthread_detach(Daemon);
  pthread_create(&Quitter, NULL, quitter, NULL);
  pthread_join(Quitter, NULL);
  return 0;
}
// EVENTS: alive-at-exit{{.}}thread=1{{.}}
// EVENTS-NOT: alive-at-exit
// EVENTS: exit{{.}}thread=2{{.}}time_us={{[0-9]+}}{{.}}alive=1{{$}}
