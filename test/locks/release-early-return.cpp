// A hand-taken std::mutex that an early return leaves locked; the region is
// the whole function body, so std::lock_guard is the fix.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex account_mutex;
int balance = 100;

bool withdraw(int amount) {
  account_mutex.lock();
  // CHECK: [[@LINE-1]]:17: warning: 'account_mutex' is locked here and some path leaves 'withdraw' without unlocking it [lock-not-released]
  // CHECK: fix-it: hold 'account_mutex' with a std::lock_guard, which releases it on every path out of the scope
  // CHECK-NEXT: [[@LINE-3]]:3: replace 20 byte(s) with "std::lock_guard<std::mutex> lock(account_mutex)"
  // CHECK-NEXT: :[[@LINE+5]]:1: replace 26 byte(s) with ""
  if (balance < amount)
    return false;
  // CHECK: [[@LINE-1]]:5: note: 'withdraw' returns here with 'account_mutex' held
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
