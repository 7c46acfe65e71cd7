// A lambda capturing by reference started once, and main writing the local
// between the start and the join.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int main() {
  int progress = 0;
  std::thread t([&progress] { int seen = progress; (void)seen; });
  progress = 50;
// CHECK: [[@LINE-1]]:12: warning: 'progress' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: :[[@LINE-3]]:{{[0-9]+}}: note: conflicting read in another thread here
  t.join();
  progress = 100;
  return progress;
}
