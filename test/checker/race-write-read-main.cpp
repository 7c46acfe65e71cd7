// A thread started once writes while main reads between the start and the join.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int result;

void compute() {
  result = 42;
// CHECK: [[@LINE-1]]:10: warning: 'result' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: :[[@LINE+5]]:15: note: a thread running 'compute' is started here
// CHECK: :[[@LINE+5]]:11: note: conflicting read in 'main' here, while the thread is running
}

int main() {
  std::thread t(compute);
  int r = result;
  t.join();
  return r;
}
