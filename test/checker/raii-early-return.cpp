// A lock_guard with an early return: every path that reaches the update holds
// the lock; the guard releases on the return.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int reserved;
std::mutex reserve_mutex;

bool reserve(int n) {
  std::lock_guard<std::mutex> guard(reserve_mutex);
  if (reserved + n > 100)
    return false;
  reserved += n;
  return true;
}

int main() {
  std::thread a(reserve, 10);
  std::thread b(reserve, 20);
  a.join();
  b.join();
}
