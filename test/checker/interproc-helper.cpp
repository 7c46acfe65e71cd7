// Twin of lock-in-callee.cpp and lock-held-at-call.cpp: the helper called
// from the thread body updates with no lock anywhere; the report is in the
// helper, where the write is.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int visits;

static void record_visit() {
  visits++;
// CHECK: [[@LINE-1]]:9: warning: 'visits' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

static void handle() { record_visit(); }

void serve() {
  for (int i = 0; i < 10; ++i)
    handle();
}

int main() {
  std::thread a(serve);
  std::thread b(serve);
  a.join();
  b.join();
}
