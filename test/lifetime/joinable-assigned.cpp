// Assigning a new thread to a handle that is still joinable.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

void first() noexcept {}
void second() noexcept {}

void run() {
  std::thread t(first);
// CHECK: :[[@LINE-1]]:15: warning: the thread started in 't' may still be joinable when 't' is assigned another thread, which calls std::terminate [joinable-thread-destroyed]
// CHECK: :[[@LINE+1]]:5: note: 't' is assigned here
  t = std::thread(second);
  t.join();
}

int main() { run(); }
