// main joins a worker while holding the lock the workers need.
// RUN: %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex results_mutex;
int results;

void work() {
  std::lock_guard<std::mutex> lock(results_mutex);
  results++;
}

int main() {
  std::thread worker(work);
  std::lock_guard<std::mutex> lock(results_mutex);
  worker.join();
  // CHECK: [[@LINE-1]]:10: note: 'results_mutex' is held across 'join': 2 threads take turns waiting for another thread; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
  // CHECK: :[[@LINE-3]]:31: note: 'results_mutex' is locked here
  results++;
}
