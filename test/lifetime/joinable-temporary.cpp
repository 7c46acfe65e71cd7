// A thread started as a discarded temporary is destroyed at once.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

void work() noexcept {}

void run() {
  std::thread{work};
// CHECK: :[[@LINE-1]]:3: warning: this temporary std::thread is destroyed at the end of its statement while still joinable, which calls std::terminate [joinable-thread-destroyed]
}

int main() { run(); }
