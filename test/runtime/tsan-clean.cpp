// A correct program that takes every path through the shim: std::thread
// joined and detached, pthreads created detached, detaching themselves,
// ending by pthread_exit and by cancellation, a race window, the events
// file, a daemon alive at exit. TSan finds nothing to report.
//
// RUN: %clangxx -fsanitize=thread -g %s %rtflags -o %t
// RUN: rm -rf %t.events
// RUN: env RACELINT_RT_EVENTS_DIR=%t.events RACELINT_RT_WINDOWS=tsan-clean.cpp:30=1 \
// RUN:   %t 2>&1 | FileCheck %s --implicit-check-not=ThreadSanitizer --implicit-check-not=racelint-rt
// RUN: FileCheck --check-prefix=EVENTS %s < %t.events/racelint-rt.*.events
#include "racelint_rt.h"
#include <mutex>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <thread>
#include <unistd.h>
#include <vector>

static std::mutex Mutex;
static int Counter;
static pthread_key_t Ending;
static sem_t Ended;
static pthread_barrier_t DaemonStarted;

static void onEnding(void *) { sem_post(&Ended); }

static void increment() {
  std::lock_guard<std::mutex> Lock(Mutex);
  int Old = Counter;
  __racelint_window(__FILE__, 30);
  Counter = Old + 1;
}

static void *incrementDetached(void *Arg) {
  pthread_setspecific(Ending, &Ending);
  increment();
  return Arg;
}

static void *incrementSelfDetached(void *Arg) {
  pthread_detach(pthread_self());
  return incrementDetached(Arg);
}

static void *incrementThenExit(void *Arg) {
  increment();
  pthread_exit(Arg);
}

static void *waitForCancel(void *Arg) {
  for (;;)
    pause();
  return Arg;
}

static void lichang() {
  increment();
  pthread_barrier_wait(&DaemonStarted);
  pause();
}

int main() {
  sem_init(&Ended, 0, 0);
  pthread_key_create(&Ending, onEnding);
  pthread_barrier_init(&DaemonStarted, nullptr, 2);

  std::vector<std::thread> Joined;
  for (int I = 0; I < 4; ++I)
    Joined.emplace_back(increment);
  for (std::thread &T : Joined)
    T.join();

  pthread_attr_t Detached;
  pthread_attr_init(&Detached);
  pthread_attr_setdetachstate(&Detached, PTHREAD_CREATE_DETACHED);
  pthread_t T;
  pthread_create(&T, &Detached, incrementDetached, nullptr);
  pthread_create(&T, nullptr, incrementSelfDetached, nullptr);
  sem_wait(&Ended);
  sem_wait(&Ended);

  pthread_create(&T, nullptr, incrementThenExit, nullptr);
  pthread_join(T, nullptr);
  pthread_create(&T, nullptr, waitForCancel, nullptr);
  pthread_cancel(T);
  void *Result;
  pthread_join(T, &Result);

  std::thread(lichang).detach();
  pthread_barrier_wait(&DaemonStarted);
  std::lock_guard<std::mutex> Lock(Mutex);
  printf("counter = %d, canceled = %d\n", Counter, Result == PTHREAD_CANCELED);
  fflush(stdout);
  return 0;
}
// CHECK: counter = 8, canceled = 1
// CHECK: racelint-rt: detached thread still running at exit: entry 'lichang' started at {{.*}}tsan-clean.cpp:90:{{[0-9]+}}, running for {{[0-9]+}} ms

// C++ entries given to pthread_create are named without their parameters.
// EVENTS: start{{.*}}entry=incrementDetached{{.}}site={{.*}}tsan-clean.cpp:78:3
// EVENTS: window-hits{{.*}}hits=8
// EVENTS: exit{{.}}thread=0{{.*}}alive=1
