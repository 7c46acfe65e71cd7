// An early return leaves the thread joinable: std::terminate.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

void work() noexcept {}

int run(bool ready) {
  std::thread t(work);
// CHECK: :[[@LINE-1]]:15: warning: the thread started in 't' may be destroyed while still joinable, which calls std::terminate [joinable-thread-destroyed]
// CHECK: fix-it: use std::jthread, which joins in its destructor
// CHECK-NEXT: :[[@LINE-3]]:8: replace 6 byte(s) with "jthread"
// CHECK: :[[@LINE+2]]:5: note: 't' is still joinable when the function returns here
  if (!ready)
    return 1;
  t.join();
  return 0;
}

int main() { return run(true); }
