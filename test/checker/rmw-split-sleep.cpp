// The lecture's lost update: read into a local, sleep, write back one less.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <chrono>
#include <thread>
#include <vector>

int money = 100;

void task() {
  int tmp = money;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  money = tmp - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is updated from a value read at line [[@LINE-3]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK-NEXT: money = tmp - 1;
// CHECK: :[[@LINE-5]]:13: note: 'money' is read here
// CHECK: :[[@LINE+6]]:5: note: several threads run 'task' at once, started here in a loop
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
