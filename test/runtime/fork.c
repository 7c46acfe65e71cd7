// After fork() the child has one thread and its own events file. It reports
// none of the parent's threads when it exits; the parent's daemon is reported
// by the parent alone.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.events
// RUN: env RACELINT_RT_EVENTS_DIR=%t.events %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer
// RUN: ls %t.events | count 2
// RUN: cat %t.events/racelint-rt.*.events | FileCheck --check-prefix=EVENTS %s
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *background(void *Arg) {
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

int main(void) {
  pthread_barrier_init(&Started, NULL, 2);
  pthread_t T;
  pthread_create(&T, NULL, background, NULL);
  // CHECK-DAG: racelint-rt: detached thread still running at exit: entry 'background' started at {{.*}}fork.c:[[@LINE-1]]:3, running for {{[0-9]+}} ms
  pthread_detach(T);
  pthread_barrier_wait(&Started);
  fflush(stdout);
  pid_t Child = fork();
  if (Child == 0) {
    puts("child exits");
    return 0;
  }
  int Status;
  waitpid(Child, &Status, 0);
  printf("parent saw the child exit with %d\n", WEXITSTATUS(Status));
  fflush(stdout);
  return 0;
}
// CHECK-DAG: child exits
// CHECK-DAG: parent saw the child exit with 0

// EVENTS-DAG: exit{{.}}thread=0{{.}}time_us={{[0-9]+}}{{.}}alive=0
// EVENTS-DAG: alive-at-exit{{.}}thread=1{{.}}
// EVENTS-DAG: exit{{.}}thread=0{{.}}time_us={{[0-9]+}}{{.}}alive=1
