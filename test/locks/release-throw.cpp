// An exception thrown inside the region leaves the function with the lock.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <stdexcept>
#include <thread>

std::mutex stock_mutex;
int stock = 10;

void reserve(int n) {
  stock_mutex.lock();
  // CHECK: [[@LINE-1]]:15: warning: 'stock_mutex' is locked here and some path leaves 'reserve' without unlocking it [lock-not-released]
  // CHECK: fix-it: hold 'stock_mutex' with a std::lock_guard
  if (n > stock)
    throw std::runtime_error("out of stock");
  // CHECK: [[@LINE-1]]:5: note: the exception thrown here leaves 'reserve' with 'stock_mutex' held
  stock -= n;
  stock_mutex.unlock();
}

int main() {
  std::thread a([] { try { reserve(3); } catch (...) {} });
  std::thread b([] { try { reserve(9); } catch (...) {} });
  a.join();
  b.join();
}
