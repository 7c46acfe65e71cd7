// The GIL pattern: a helper releases the lock its caller holds, blocks, and
// takes the lock back. The sleep is not under the lock, so there is nothing
// to report; the same helper without the release is the racy twin,
// blocking-helper-keeps-caller-lock.cpp.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>

std::mutex interpreter_lock;
int bytecodes_run;

void wait_for_io() {
  interpreter_lock.unlock();
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  interpreter_lock.lock();
}

void run_bytecode() {
  std::unique_lock<std::mutex> held(interpreter_lock);
  for (int i = 0; i < 100; ++i) {
    ++bytecodes_run;
    wait_for_io();
  }
}

int main() {
  std::thread a(run_bytecode), b(run_bytecode);
  a.join();
  b.join();
}
