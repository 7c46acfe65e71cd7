// Two different bodies alive at once, each updating 'level' with no lock:
// both write sites lose updates, one report at each, in source order.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int level;

void raise_level() {
  level++;
// CHECK: [[@LINE-1]]:8: warning: 'level' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE+10]]:15: note: a thread running 'raise_level' is started here
// CHECK: :[[@LINE+4]]:8: note: conflicting write in another thread here
}

void lower_level() {
  level--;
// CHECK: [[@LINE-1]]:8: warning: 'level' is decremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(raise_level);
  std::thread b(lower_level);
  a.join();
  b.join();
}
