// future::get waits for the other thread's result while the lock is held.
// RUN: %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <future>
#include <mutex>
#include <thread>

std::mutex totals_mutex;
int totals;

int compute() {
  std::lock_guard<std::mutex> lock(totals_mutex);
  return totals + 1;
}

int main() {
  std::future<int> result = std::async(std::launch::async, compute);
  std::lock_guard<std::mutex> lock(totals_mutex);
  totals = result.get();
  // CHECK: [[@LINE-1]]:19: note: 'totals_mutex' is held across 'get': 2 threads take turns waiting for another thread; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
  // CHECK: :[[@LINE-3]]:31: note: 'totals_mutex' is locked here
}
