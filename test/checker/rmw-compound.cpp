// x += v from a thread body started in a loop.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

long total;

void add(int v) {
  total += v;
// CHECK: [[@LINE-1]]:9: warning: 'total' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE+6]]:5: note: several threads run 'add' at once, started here in a loop
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(add, i);
  for (std::thread &t : threads)
    t.join();
}
