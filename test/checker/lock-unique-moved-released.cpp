// Twin of lock-unique-moved.cpp: the new owner's scope ends first, so the
// update after it runs unlocked (the moved-from lock owns nothing).
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>
#include <utility>

int balance;
std::mutex balance_mutex;

void deposit() {
  std::unique_lock<std::mutex> first(balance_mutex);
  {
    std::unique_lock<std::mutex> second(std::move(first));
  }
  balance += 10;
// CHECK: [[@LINE-1]]:11: warning: 'balance' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
