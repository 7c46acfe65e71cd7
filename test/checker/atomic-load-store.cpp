// money.store(money.load() - 1): each operation is atomic, the update is not.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <atomic>
#include <thread>
#include <vector>

std::atomic<int> money{100};

void task() {
  money.store(money.load() - 1);
// CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: 'money' is updated by an atomic load at line [[@LINE-1]] and a separate atomic store; concurrent threads lose updates in between [unsynchronized-rmw]
// CHECK: note: make the update one atomic operation: fetch_add or fetch_sub, or a compare-exchange loop
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
