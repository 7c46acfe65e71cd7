// A self-recursive helper called from a thread body: the analysis terminates
// and reports the update inside once.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int nodes_seen;

static void visit(int depth) {
  if (depth == 0)
    return;
  nodes_seen++;
// CHECK: [[@LINE-1]]:13: warning: 'nodes_seen' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  visit(depth - 1);
}

void walk() { visit(10); }

int main() {
  std::thread a(walk);
  std::thread b(walk);
  a.join();
  b.join();
}
