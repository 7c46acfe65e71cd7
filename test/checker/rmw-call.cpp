// x = f(x): the value written is computed by a call from the value read.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int level = 1;

static int twice(int v) { return v * 2; }

void grow() {
  level = twice(level);
// CHECK: [[@LINE-1]]:9: warning: 'level' is updated from a value read at line [[@LINE-1]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(grow);
  std::thread b(grow);
  a.join();
  b.join();
}
