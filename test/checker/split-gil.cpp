// A GIL-like global lock released around a blocking sleep in the middle of an
// update: each half is locked, the update is split.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

std::mutex gil;
int money = 100;

static void blocking_sleep() {
  gil.unlock();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  gil.lock();
}

void task() {
  gil.lock();
  int tmp = money;
  blocking_sleep();
  money = tmp - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is written under 'gil', but the lock was released after 'money' was read at line [[@LINE-3]]; an update made in between is lost [split-critical-section]
// CHECK: note: 'gil' is released here
  gil.unlock();
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
