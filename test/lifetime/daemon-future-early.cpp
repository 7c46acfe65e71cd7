// Twin of daemon-future-get.cpp: the promise is set before the last line,
// so the wait ends too early.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <cstdio>
#include <future>
#include <thread>

void task(std::promise<int> result) {
  std::printf("task is running\n");
  result.set_value(42);
  std::printf("task is over\n");
}

int main() {
  std::promise<int> result;
  std::future<int> answer = result.get_future();
  std::thread(task, std::move(result)).detach();
// CHECK: :[[@LINE-1]]:40: warning: the thread running 'task' is detached and may still be running when 'main' returns; the wait at line [[@LINE+5]] does not wait for it to finish [daemon-thread]
// CHECK: :[[@LINE-11]]:6: note: the detached thread runs 'task'
// CHECK: :[[@LINE+3]]:10: note: this waits only until the thread signals at line [[@LINE-10]], not until it finishes
// CHECK: :[[@LINE+2]]:3: note: 'main' returns here while the thread may still run
// CHECK: :[[@LINE-11]]:3: note: the thread may never print "task is over"
  return answer.get() == 42 ? 0 : 1;
}
