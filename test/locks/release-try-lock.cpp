// try_lock: the lock is held on the success branch only, which unlocks.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex cache_mutex;
int cache_hits;

void touch() {
  if (cache_mutex.try_lock()) {
    cache_hits++;
    cache_mutex.unlock();
  }
  if (!cache_mutex.try_lock())
    return;
  cache_hits++;
  cache_mutex.unlock();
}

int main() {
  std::thread a(touch);
  std::thread b(touch);
  a.join();
  b.join();
}
