// x++ in a thread body started from two sites: one report at the increment.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int counter;

void work() {
  counter++;
// CHECK: [[@LINE-1]]:10: warning: 'counter' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE+4]]:15: note: {{.*}}'work'{{.*}} started here
}

int main() {
  std::thread t1(work);
  std::thread t2(work);
  t1.join();
  t2.join();
}
