// Twin of lock-two-mutexes.cpp: both updates use the same mutex (a
// recursive_mutex in one function, taken through a lock_guard and a
// unique_lock).
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int balance;
std::recursive_mutex balance_mutex;

void deposit() {
  std::lock_guard<std::recursive_mutex> guard(balance_mutex);
  balance += 10;
}

void withdraw() {
  std::unique_lock<std::recursive_mutex> lock(balance_mutex);
  balance -= 10;
}

int main() {
  std::thread a(deposit);
  std::thread b(withdraw);
  a.join();
  b.join();
}
