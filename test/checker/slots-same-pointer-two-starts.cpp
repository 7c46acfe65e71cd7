// The same element's address handed to two threads started at two sites.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

static void fill(int *slot) {
  *slot = *slot + 1;
// CHECK: [[@LINE-1]]:9: warning: '{{.*}}' is updated from a value read at line [[@LINE-1]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  int slots[8] = {};
  std::thread a(fill, &slots[0]);
  std::thread b(fill, &slots[0]);
  a.join();
  b.join();
  return slots[0];
}
