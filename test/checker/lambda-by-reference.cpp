// A lambda capturing a local by reference, started in a loop: every thread
// updates main's local.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int main() {
  int done = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([&] { done++; });
// CHECK: [[@LINE-1]]:36: warning: 'done' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE-2]]:5: note: several threads run the lambda at line [[@LINE-2]] at once, started here in a loop
  for (std::thread &t : threads)
    t.join();
  return done;
}
