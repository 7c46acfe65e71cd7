// A class with a std::thread member and no destructor nor method that
// joins it.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdio>
#include <thread>

struct Greeter {
  void start() { worker = std::thread([] { std::puts("hello"); }); }
// CHECK: :[[@LINE-1]]:27: warning: the thread started in member 'worker' may still be joinable when 'Greeter' is destroyed, which calls std::terminate [joinable-thread-destroyed]
// CHECK: :[[@LINE-3]]:8: note: 'Greeter' has no destructor that joins 'worker'
  std::thread worker;
};

int main() {
  Greeter g;
  g.start();
}
