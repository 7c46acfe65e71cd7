// x = x - 1: the read and the write in one expression.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int money = 100;

void spend() {
  money = money - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is updated from a value read at line [[@LINE-1]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE+6]]:5: note: several threads run 'spend' at once, started here in a loop
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(spend);
  for (std::thread &t : threads)
    t.join();
}
