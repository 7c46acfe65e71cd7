// The split form through a helper's return value: the value written comes
// from a read made in the helper.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int money = 100;

static int balance() { return money; }

void task() {
  int tmp = balance();
  money = tmp - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is updated from a value read at line [[@LINE-5]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE-6]]:31: note: 'money' is read here
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
