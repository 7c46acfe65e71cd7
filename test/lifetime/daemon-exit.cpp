// exit() ends the program just like returning from main.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdio>
#include <cstdlib>
#include <thread>

int processed = 0;

void worker() {
  for (int i = 0; i < 1000; ++i)
    processed = processed + 1;
}

int main() {
  std::thread t(worker);
  t.detach();
// CHECK: :[[@LINE-1]]:5: warning: the thread running 'worker' is detached and may still be running when 'exit' is called; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-9]]:6: note: the detached thread runs 'worker'
// CHECK: :[[@LINE+2]]:3: note: 'exit' ends the program here while the thread may still run
// CHECK: :[[@LINE-9]]:15: note: the thread's write to 'processed' may be lost
  std::exit(0);
}
