// lock() by hand, then a lock_guard adopting the held mutex.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int balance;
std::mutex balance_mutex;

void deposit() {
  balance_mutex.lock();
  std::lock_guard<std::mutex> guard(balance_mutex, std::adopt_lock);
  balance += 10;
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
