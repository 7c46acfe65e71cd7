// Twin of raii-early-return.cpp: the guard lives in an inner scope that ends
// before the update.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int reserved;
std::mutex reserve_mutex;

bool reserve(int n) {
  {
    std::lock_guard<std::mutex> guard(reserve_mutex);
    if (n > 100)
      return false;
  }
  reserved += n;
// CHECK: [[@LINE-1]]:12: warning: 'reserved' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
  return true;
}

int main() {
  std::thread a(reserve, 10);
  std::thread b(reserve, 20);
  a.join();
  b.join();
}
