// A throw between construction and join destroys the joinable thread.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <stdexcept>
#include <thread>

void work() noexcept {}

void run(int jobs) {
  std::thread t(work);
// CHECK: :[[@LINE-1]]:15: warning: the thread started in 't' may be destroyed while still joinable, which calls std::terminate [joinable-thread-destroyed]
// CHECK: fix-it: use std::jthread, which joins in its destructor
// CHECK-NEXT: :[[@LINE-3]]:8: replace 6 byte(s) with "jthread"
// CHECK: :[[@LINE+2]]:5: note: the exception thrown here destroys 't' while it is still joinable
  if (jobs < 0)
    throw std::invalid_argument("jobs");
  t.join();
}

int main() { run(1); }
