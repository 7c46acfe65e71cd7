// The lecture's main thread sleeps too: a sleep is not a join.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <chrono>
#include <cstdio>
#include <thread>

void lichang() {
  std::printf("lichang is running\n");
  std::this_thread::sleep_for(std::chrono::seconds(1));
  std::printf("lichang is over\n");
}

int main() {
  std::thread t(lichang);
  t.detach();
// CHECK: :[[@LINE-1]]:5: warning: the thread running 'lichang' is detached and may still be running when 'main' returns; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-10]]:6: note: the detached thread runs 'lichang'
// CHECK: :[[@LINE+4]]:3: note: a sleep is not a join: nothing makes the thread finish first
// CHECK: :[[@LINE+4]]:1: note: 'main' ends here while the thread may still run
// CHECK: :[[@LINE-12]]:3: note: the thread may never print "lichang is running"
// CHECK: :[[@LINE-11]]:3: note: the thread may never print "lichang is over"
  std::this_thread::sleep_for(std::chrono::seconds(2));
}
