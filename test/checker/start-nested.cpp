// A thread started once from a body that itself runs in two threads: the
// inner body runs twice at once.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int chunks;

static void inner() {
  chunks++;
// CHECK: [[@LINE-1]]:9: warning: 'chunks' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

static void outer() {
  std::thread t(inner);
  t.join();
}

int main() {
  std::thread a(outer);
  std::thread b(outer);
  a.join();
  b.join();
}
