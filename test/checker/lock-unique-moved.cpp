// A unique_lock moved into another keeps the mutex held by the new owner.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>
#include <utility>

int balance;
std::mutex balance_mutex;

void deposit() {
  std::unique_lock<std::mutex> first(balance_mutex);
  std::unique_lock<std::mutex> second(std::move(first));
  balance += 10;
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
