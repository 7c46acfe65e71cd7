// Two different mutexes guarding one variable: each update is locked, but by
// a different lock, so they do not exclude each other. Both write sites lose
// updates: one report at each.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int balance;
std::mutex deposit_mutex;
std::mutex withdraw_mutex;

void deposit() {
  std::lock_guard<std::mutex> guard(deposit_mutex);
  balance += 10;
// CHECK: [[@LINE-1]]:11: warning: 'balance' is read, modified and written back without a lock{{.*}} [unsynchronized-rmw]
}

void withdraw() {
  std::lock_guard<std::mutex> guard(withdraw_mutex);
  balance -= 10;
// CHECK: [[@LINE-1]]:11: warning: 'balance' is read, modified and written back without a lock{{.*}} [unsynchronized-rmw]
}

int main() {
  std::thread a(deposit);
  std::thread b(withdraw);
  a.join();
  b.join();
}
