// Twin of release-early-return.cpp: the early return unlocks first.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex account_mutex;
int balance = 100;

bool withdraw(int amount) {
  account_mutex.lock();
  if (balance < amount) {
    account_mutex.unlock();
    return false;
  }
  balance -= amount;
  account_mutex.unlock();
  return true;
}

int main() {
  std::thread a(withdraw, 30);
  std::thread b(withdraw, 80);
  a.join();
  b.join();
}
