// push_back may throw (bad_alloc): the exception skips the unlock.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>
#include <vector>

std::mutex events_mutex;
std::vector<int> events;

void record(int e) {
  events_mutex.lock();
  // CHECK: [[@LINE-1]]:16: warning: 'events_mutex' is locked here and some path leaves 'record' without unlocking it [lock-not-released]
  // CHECK: fix-it: hold 'events_mutex' with a std::lock_guard
  events.push_back(e);
  // CHECK: [[@LINE-1]]:10: note: if 'push_back' throws, the exception leaves 'record' with 'events_mutex' held
  events_mutex.unlock();
}

int main() {
  std::thread a(record, 1);
  std::thread b(record, 2);
  a.join();
  b.join();
}
