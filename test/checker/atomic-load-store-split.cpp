// The atomic lost update through a local: load, sleep, store.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

std::atomic<int> money{100};

void task() {
  int tmp = money.load();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  money.store(tmp - 1);
// CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: 'money' is updated by an atomic load at line [[@LINE-3]] and a separate atomic store; concurrent threads lose updates in between [unsynchronized-rmw]
// CHECK: :[[@LINE-4]]:{{[0-9]+}}: note: 'money' is read here
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
