// Twin of loop-constant-condition.cpp: the worker loop 'for (;;)' updates
// with no lock.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int pending = 10;

void worker() {
  for (;;) {
    if (pending == 0)
      break;
    pending--;
// CHECK: [[@LINE-1]]:12: warning: 'pending' is decremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
}

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
}
