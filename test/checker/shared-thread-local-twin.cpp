// Twin of shared-thread-local.cpp: without thread_local the counter is shared.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int calls;

void work() {
  calls++;
// CHECK: [[@LINE-1]]:8: warning: 'calls' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}
