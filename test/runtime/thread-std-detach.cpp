// std::thread::detach goes through pthread_detach, so C++ daemons are reported
// too. The entry is the callable: a function by name (with or without
// arguments), a lambda or function object by its type.
//
// RUN: %clangxx -fsanitize=thread -g %s %rtflags -o %t
// RUN: %t 2>&1 | FileCheck %s --implicit-check-not=racelint-rt --implicit-check-not=ThreadSanitizer
// thread-std-detach-O2.test runs it optimized.
#include <pthread.h>
#include <thread>
#include <unistd.h>

static pthread_barrier_t Started;

static void worker() {
  pthread_barrier_wait(&Started);
  pause();
}

static void workerWithArgs(int, long) {
  pthread_barrier_wait(&Started);
  pause();
}

struct Worker {
  void operator()() const {
    pthread_barrier_wait(&Started);
    pause();
  }
};

int main() {
  pthread_barrier_init(&Started, nullptr, 5);
  std::thread(worker).detach();
  // CHECK: racelint-rt: detached thread still running at exit: entry 'worker' started at {{.*}}thread-std-detach.cpp:[[@LINE-1]]:{{[0-9]+}}, running for {{[0-9]+}} ms
  std::thread(workerWithArgs, 1, 2L).detach();
  // CHECK: racelint-rt: detached thread still running at exit: entry 'workerWithArgs' started at {{.*}}thread-std-detach.cpp:[[@LINE-1]]:{{[0-9]+}}, running for {{[0-9]+}} ms
  std::thread([] {
    pthread_barrier_wait(&Started);
    pause();
  }).detach();
  // CHECK: racelint-rt: detached thread still running at exit: entry 'main::$_0' started at {{.*}}thread-std-detach.cpp:[[@LINE-4]]:{{[0-9]+}}, running for {{[0-9]+}} ms
  std::thread Functor{Worker()};
  // CHECK: racelint-rt: detached thread still running at exit: entry 'Worker' started at {{.*}}thread-std-detach.cpp:[[@LINE-1]]:{{[0-9]+}}, running for {{[0-9]+}} ms
  Functor.detach();
  pthread_barrier_wait(&Started);
  return 0;
}
