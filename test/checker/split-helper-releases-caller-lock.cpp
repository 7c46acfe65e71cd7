// The lecture's GIL lesson: the lock protects the interpreter, not the data.
// A helper that gives the lock up while it waits (unlock(); sleep(); lock();)
// splits its caller's read..write into two critical sections.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <chrono>
#include <mutex>
#include <thread>

std::mutex gil;
int money = 100;

void wait_for_io() {
  gil.unlock();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  gil.lock();
}

void task() {
  std::unique_lock<std::mutex> held(gil);
  int tmp = money;
  wait_for_io();
  money = tmp - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is written under 'gil', but the lock was released after 'money' was read at line [[@LINE-3]]; an update made in between is lost [split-critical-section]
// CHECK: [[@LINE-4]]:13: note: 'money' is read here
// CHECK: [[@LINE-12]]:7: note: 'gil' is released here
}

int main() {
  std::thread a(task), b(task);
  a.join();
  b.join();
}
