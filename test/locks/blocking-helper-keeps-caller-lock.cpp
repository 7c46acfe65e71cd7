// Twin of blocking-helper-releases-caller-lock.cpp: the helper sleeps with
// its caller's lock still held, so the other thread waits the sleep out.
// RUN: %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning: --implicit-check-not=note:

#include <chrono>
#include <mutex>
#include <thread>

std::mutex interpreter_lock;
int bytecodes_run;

void wait_for_io() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
// CHECK: [[@LINE-1]]:3: note: 'interpreter_lock' is held across 'sleep_for': 2 threads take turns sleeping 10 ms, ~20 ms serial; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
}

void run_bytecode() {
  std::unique_lock<std::mutex> held(interpreter_lock);
// CHECK: [[@LINE-1]]:32: note: 'interpreter_lock' is locked here
  for (int i = 0; i < 100; ++i) {
    ++bytecodes_run;
    wait_for_io();
  }
}

int main() {
  std::thread a(run_bytecode), b(run_bytecode);
// CHECK: [[@LINE-1]]:15: note: a thread running 'run_bytecode' is started here
  a.join();
  b.join();
}
