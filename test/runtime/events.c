// The events file: DIR/racelint-rt.PID.events, one line per event, fields
// separated by tabs (shown as '|' here), each field but the first KEY=VALUE.
// A header line opens it and the exit line closes it. The lines of one thread
// are in order; lines of different threads are in the order the shim wrote
// them, so a detach may come before or after the detached thread's finish.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.events
// RUN: env RACELINT_RT_EVENTS_DIR=%t.events RACELINT_RT_WINDOWS=events.c:3=0 RACELINT_RT_REPORT_ALIVE=0 \
// RUN:   %t 2>&1 | count 0
// RUN: ls %t.events | FileCheck --check-prefix=FILES %s
// RUN: tr '\t' '|' < %t.events/racelint-rt.*.events | FileCheck %s --match-full-lines
#include "racelint_rt.h"
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

// The shim's key destructor writes the finish line before this one runs (see
// thread-finished-not-reported.c).
static pthread_key_t Ending;
static sem_t Ended;
static pthread_barrier_t DaemonReady;

static void onEnding(void *Arg) { sem_post(&Ended); }

static void *joined(void *Arg) { return Arg; }

static void *detached(void *Arg) {
  pthread_setspecific(Ending, &Ending);
  return Arg;
}

static void *daemonThread(void *Arg) {
  pthread_t Child;
  pthread_create(&Child, NULL, joined, NULL);
  pthread_join(Child, NULL);
  pthread_barrier_wait(&DaemonReady);
  pause();
  return Arg;
}

int main(void) {
  sem_init(&Ended, 0, 0);
  pthread_key_create(&Ending, onEnding);
  pthread_barrier_init(&DaemonReady, NULL, 2);
  pthread_t T;
  pthread_create(&T, NULL, joined, NULL);
  pthread_join(T, NULL);
  pthread_create(&T, NULL, detached, NULL);
  pthread_detach(T);
  sem_wait(&Ended);
  pthread_attr_t Detached;
  pthread_attr_init(&Detached);
  pthread_attr_setdetachstate(&Detached, PTHREAD_CREATE_DETACHED);
  pthread_create(&T, &Detached, daemonThread, NULL);
  pthread_barrier_wait(&DaemonReady);
  __racelint_window(__FILE__, 3);
  return 0;
}
// FILES: racelint-rt.{{[0-9]+}}.events

// CHECK:      racelint-rt-events|version=1|pid={{[0-9]+}}|exe={{.*}}events.c.tmp
// CHECK-NEXT: start|thread=1|time_us={{[0-9]+}}|parent=0|detached=0|entry=joined|site={{.*}}events.c:47:3
// CHECK-NEXT: finish|thread=1|time_us={{[0-9]+}}|ran_us={{[0-9]+}}
// CHECK-NEXT: join|thread=1|time_us={{[0-9]+}}|by=0
// CHECK-NEXT: start|thread=2|time_us={{[0-9]+}}|parent=0|detached=0|entry=detached|site={{.*}}events.c:49:3
// CHECK-DAG:  detach|thread=2|time_us={{[0-9]+}}|by=0
// CHECK-DAG:  finish|thread=2|time_us={{[0-9]+}}|ran_us={{[0-9]+}}
// CHECK-NEXT: start|thread=3|time_us={{[0-9]+}}|parent=0|detached=1|entry=daemonThread|site={{.*}}events.c:55:3
// CHECK-NEXT: start|thread=4|time_us={{[0-9]+}}|parent=3|detached=0|entry=joined|site={{.*}}events.c:35:3
// CHECK-NEXT: finish|thread=4|time_us={{[0-9]+}}|ran_us={{[0-9]+}}
// CHECK-NEXT: join|thread=4|time_us={{[0-9]+}}|by=3
// CHECK-NEXT: window|thread=0|time_us={{[0-9]+}}|site=events.c:3|ms=0
// CHECK-NEXT: alive-at-exit|thread=3|time_us={{[0-9]+}}|parent=0|detached=1|entry=daemonThread|site={{.*}}events.c:55:3|ran_us={{[0-9]+}}
// CHECK-NEXT: window-hits|thread=0|time_us={{[0-9]+}}|site=events.c:3|hits=1
// CHECK-NEXT: exit|thread=0|time_us={{[0-9]+}}|alive=1
// CHECK-EMPTY:
