// A break out of the loop skips the unlock at the end of the loop body.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex queue_mutex;
int queue_items[16];
int queue_size;

void drain() {
  for (int i = 0; i < 16; ++i) {
    queue_mutex.lock();
    // CHECK: [[@LINE-1]]:17: warning: 'queue_mutex' is locked here and some path leaves 'drain' without unlocking it [lock-not-released]
    // CHECK: fix-it: hold 'queue_mutex' with a std::lock_guard
    if (queue_size == 0)
      break;
    // CHECK: [[@LINE-1]]:7: note: 'break' jumps out here with 'queue_mutex' held
    queue_items[--queue_size] = 0;
    queue_mutex.unlock();
  }
}

int main() {
  std::thread a(drain);
  std::thread b(drain);
  a.join();
  b.join();
}
