// Threads started through a function pointer variable.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int ticks;

static void tick() {
  ticks++;
// CHECK: [[@LINE-1]]:8: warning: 'ticks' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  void (*entry)() = tick;
  std::thread a(entry);
  std::thread b(entry);
  a.join();
  b.join();
}
