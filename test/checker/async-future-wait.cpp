// future::wait() (declared in the future's base class) waits for the task
// like get() does: main's update after it is sequential; before it, racy.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <future>

int counter;

int main() {
  auto task = std::async(std::launch::async, [] { counter++; });
// CHECK: [[@LINE-1]]:58: warning: 'counter' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  counter++;
// CHECK: [[@LINE-1]]:10: warning: 'counter' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  task.wait();
  counter++;
}
