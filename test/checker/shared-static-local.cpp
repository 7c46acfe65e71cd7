// A function static local is shared by every thread running the function.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int next_id() {
  static int last_id = 0;
  return ++last_id;
// CHECK: [[@LINE-1]]:10: warning: 'last_id' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

void work() { next_id(); }

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}
