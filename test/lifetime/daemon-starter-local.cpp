// The detached lambda captures main's local by reference.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

int main() {
  int results[4] = {};
  std::thread([&results] {
    for (int i = 0; i < 4; ++i)
      results[i] = i * i;
  }).detach();
// CHECK: :[[@LINE-1]]:6: warning: the thread running the lambda at line [[@LINE-4]] is detached and may still be running when 'main' returns; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-5]]:15: note: the detached thread runs the lambda at line [[@LINE-5]]
// CHECK: :[[@LINE+2]]:3: note: 'main' returns here while the thread may still run
// CHECK: :[[@LINE-5]]:7: note: 'results' is a local of 'main', gone when it returns, while the thread may still use it
  return 0;
}
