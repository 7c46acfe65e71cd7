// The unlock after the if runs even when try_lock failed.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex cache_mutex;
int cache_hits;

void touch() {
  if (cache_mutex.try_lock())
    cache_hits++;
  cache_mutex.unlock();
  // CHECK: [[@LINE-1]]:15: warning: 'cache_mutex' is unlocked here, but some path reaches this point without holding it [lock-not-released]
  // CHECK: [[@LINE-4]]:19: note: 'cache_mutex' is not taken when this try-lock fails
}

int main() {
  std::thread a(touch);
  std::thread b(touch);
  a.join();
  b.join();
}
