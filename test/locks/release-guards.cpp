// Guards release on every path: lock_guard with an early return, a
// unique_lock unlocked by hand, and std::lock adopted by two guards.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex a_mutex, b_mutex;
int a_total, b_total;

bool add_a(int n) {
  std::lock_guard<std::mutex> guard(a_mutex);
  if (n < 0)
    return false;
  a_total += n;
  return true;
}

void add_b(int n) {
  std::unique_lock<std::mutex> lock(b_mutex);
  b_total += n;
  lock.unlock();
}

void move(int n) {
  std::lock(a_mutex, b_mutex);
  std::lock_guard<std::mutex> hold_a(a_mutex, std::adopt_lock);
  std::lock_guard<std::mutex> hold_b(b_mutex, std::adopt_lock);
  if (n > a_total)
    return;
  a_total -= n;
  b_total += n;
}

void work() {
  add_a(1);
  add_b(2);
  move(1);
}

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}
