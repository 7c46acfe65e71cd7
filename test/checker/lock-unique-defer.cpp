// unique_lock with defer_lock, then lock(): the update is locked.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int balance;
std::mutex balance_mutex;

void deposit() {
  std::unique_lock<std::mutex> lock(balance_mutex, std::defer_lock);
  lock.lock();
  balance += 10;
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
