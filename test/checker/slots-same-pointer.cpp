// Twin of slots-per-thread.cpp: every thread gets the same pointer.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

static void fill(int *slot) {
  *slot = *slot + 1;
// CHECK: [[@LINE-1]]:9: warning: '{{.*}}' is updated from a value read at line [[@LINE-1]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  int slots[8] = {};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(fill, &slots[0]);
  for (std::thread &t : threads)
    t.join();
  return slots[0];
}
