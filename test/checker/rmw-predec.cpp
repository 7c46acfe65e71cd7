// --x in a body started in a loop, the handles joined in a later loop.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int tickets = 100;

void sell() {
  --tickets;
// CHECK: [[@LINE-1]]:3: warning: 'tickets' is decremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE+6]]:5: note: several threads run 'sell' at once, started here in a loop
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(sell);
  for (std::thread &t : threads)
    t.join();
  return tickets;
}
