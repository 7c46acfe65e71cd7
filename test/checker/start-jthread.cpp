// std::jthread: two instances alive at once update a global.
// RUN: not %racelint-races %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int ticks;

static void tick() {
  ticks++;
// CHECK: [[@LINE-1]]:8: warning: 'ticks' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::jthread a(tick);
  std::jthread b(tick);
}
