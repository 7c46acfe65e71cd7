// The split form followed through two locals and a simple expression.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int stock = 50;

void restock(int n) {
  int before = stock;
  int wanted = before + n;
  int capped = wanted > 100 ? 100 : wanted;
  stock = capped;
// CHECK: [[@LINE-1]]:9: warning: 'stock' is updated from a value read at line [[@LINE-4]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE-5]]:16: note: 'stock' is read here
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(restock, i);
  for (std::thread &t : threads)
    t.join();
}
