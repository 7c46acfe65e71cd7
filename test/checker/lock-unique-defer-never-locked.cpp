// Twin of lock-unique-defer.cpp: defer_lock and no lock() - nothing is held.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int balance;
std::mutex balance_mutex;

void deposit() {
  std::unique_lock<std::mutex> lock(balance_mutex, std::defer_lock);
  balance += 10;
// CHECK: [[@LINE-1]]:11: warning: 'balance' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
