// std::timed_mutex through a unique_lock, and try_lock_for's success branch.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>

int orders;
std::timed_mutex orders_mutex;

void place() {
  std::unique_lock<std::timed_mutex> lock(orders_mutex);
  orders++;
}

void place_if_free() {
  if (orders_mutex.try_lock_for(std::chrono::milliseconds(1))) {
    orders++;
    orders_mutex.unlock();
  }
}

int main() {
  std::thread a(place);
  std::thread b(place_if_free);
  a.join();
  b.join();
}
