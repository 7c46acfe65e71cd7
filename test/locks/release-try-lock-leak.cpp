// Twin of release-try-lock.cpp: the success branch returns early.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex cache_mutex;
int cache_hits;

void touch(bool stop) {
  if (cache_mutex.try_lock()) {
    // CHECK: [[@LINE-1]]:19: warning: 'cache_mutex' is locked here and some path leaves 'touch' without unlocking it [lock-not-released]
    if (stop)
      return;
    // CHECK: [[@LINE-1]]:7: note: 'touch' returns here with 'cache_mutex' held
    cache_hits++;
    cache_mutex.unlock();
  }
}

int main() {
  std::thread a(touch, false);
  std::thread b(touch, true);
  a.join();
  b.join();
}
