// Threads started with '&function'.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int ticks;

static void tick() {
  ticks++;
// CHECK: [[@LINE-1]]:8: warning: 'ticks' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(&tick);
  std::thread b(&tick);
  a.join();
  b.join();
}
