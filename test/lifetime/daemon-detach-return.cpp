// A detached thread whose last line main never waits for.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdio>
#include <thread>

void report(int id) {
  std::printf("worker %d is running\n", id);
  std::printf("worker %d is over\n", id);
}

int main() {
  std::thread t(report, 1);
  t.detach();
// CHECK: :[[@LINE-1]]:5: warning: the thread running 'report' is detached and may still be running when 'main' returns; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-9]]:6: note: the detached thread runs 'report'
// CHECK: :[[@LINE+3]]:3: note: 'main' returns here while the thread may still run
// CHECK: :[[@LINE-10]]:3: note: the thread may never print "worker %d is running"
// CHECK: :[[@LINE-10]]:3: note: the thread may never print "worker %d is over"
  return 0;
}
