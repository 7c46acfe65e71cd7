// unique_lock unlocked around a sleep and relocked: read and write are each
// locked, but the update is split.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <chrono>
#include <mutex>
#include <thread>

int balance;
std::mutex balance_mutex;

void deposit() {
  std::unique_lock<std::mutex> lock(balance_mutex);
  int seen = balance;
  lock.unlock();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  lock.lock();
  balance = seen + 10;
// CHECK: [[@LINE-1]]:11: warning: 'balance' is written under 'balance_mutex', but the lock was released after 'balance' was read at line [[@LINE-5]]; an update made in between is lost [split-critical-section]
// CHECK: :[[@LINE-5]]:8: note: 'balance_mutex' is released here
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
