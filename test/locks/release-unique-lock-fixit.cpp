// The unlock is followed by more work in the scope, so the fix is a
// std::unique_lock whose unlock() stays where the unlock was.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex total_mutex;
int total;
int last_seen;

void add(int n) {
  total_mutex.lock();
  // CHECK: [[@LINE-1]]:15: warning: 'total_mutex' is locked here and some path leaves 'add' without unlocking it [lock-not-released]
  // CHECK: fix-it: hold 'total_mutex' with a std::unique_lock, which releases it on every path out of the scope
  // CHECK-NEXT: [[@LINE-3]]:3: replace 18 byte(s) with "std::unique_lock<std::mutex> lock(total_mutex)"
  // CHECK-NEXT: :[[@LINE+6]]:3: replace 20 byte(s) with "lock.unlock()"
  if (n == 0)
    return;
  // CHECK: [[@LINE-1]]:5: note: 'add' returns here with 'total_mutex' held
  total += n;
  int seen = total;
  total_mutex.unlock();
  last_seen = seen;
}

int main() {
  std::thread a(add, 1);
  a.join();
  std::thread b(add, 2);
  b.join();
}
