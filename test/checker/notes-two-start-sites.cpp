// A body started at two sites: the notes name each thread's start site.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int served;

void serve() {
  served++;
// CHECK: [[@LINE-1]]:9: warning: 'served' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE+5]]:15: note: {{.*}}'serve'{{.*}} started here
// CHECK: :[[@LINE+5]]:15: note: {{.*}}'serve'{{.*}} started here
}

int main() {
  std::thread a(serve);
  std::thread b(serve);
  a.join();
  b.join();
}
