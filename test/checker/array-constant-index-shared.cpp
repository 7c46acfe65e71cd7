// Twin of array-constant-indices.cpp: the same constant from two threads,
// or a constant against an index only known at run time, may be one element.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int counts[4];
long slots[2];

void first() { counts[0]++; }
// CHECK: [[@LINE-1]]:25: warning: 'counts[]' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
void any(int i) { counts[i & 3]++; }
// CHECK: [[@LINE-1]]:32: warning: 'counts[]' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
void bump(long *slot) { ++*slot; }
// CHECK: [[@LINE-1]]:25: warning: 'slots[]' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]

int main(int argc, char **) {
  std::thread a(first), b(any, argc);
  std::thread c(bump, &slots[1]), d(bump, &slots[1]);
  a.join();
  b.join();
  c.join();
  d.join();
}
