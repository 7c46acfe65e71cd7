// A constant sleep in a counted loop of threads: the cost is spelled out.
// RUN: %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

int money = 100;
std::mutex mutex;

void task() {
  std::lock_guard<std::mutex> lock(mutex);
  int tmp = money;
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // CHECK: [[@LINE-1]]:3: note: 'mutex' is held across 'sleep_for': 100 threads take turns sleeping 100 ms, ~10 s serial; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
  // CHECK: :[[@LINE-4]]:31: note: 'mutex' is locked here
  // CHECK: :[[@LINE+7]]:5: note: several threads run 'task' at once, started here in a loop
  money = tmp - 1;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
