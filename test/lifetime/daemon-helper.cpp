// The detach happens in a helper; main returns after calling it.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdio>
#include <thread>

void flush_report() { std::puts("report flushed"); }

void start_in_background() {
  std::thread(flush_report).detach();
// CHECK: :[[@LINE-1]]:29: warning: the thread running 'flush_report' is detached and may still be running when 'main' returns; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-5]]:6: note: the detached thread runs 'flush_report'
// CHECK: :[[@LINE+7]]:1: note: 'main' ends here while the thread may still run
// CHECK: :[[@LINE-7]]:23: note: the thread may never print "report flushed"
}

int main() {
  start_in_background();
  std::puts("main is over");
}
