// The lock helpers release the mutex between the read and the write.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int queue_length;
std::mutex queue_mutex;

static void enter() { queue_mutex.lock(); }
static void leave() { queue_mutex.unlock(); }

void push() {
  enter();
  int n = queue_length;
  leave();
  enter();
  queue_length = n + 1;
// CHECK: [[@LINE-1]]:16: warning: 'queue_length' is written under 'queue_mutex', but the lock was released after 'queue_length' was read at line [[@LINE-4]]; an update made in between is lost [split-critical-section]
// CHECK: note: 'queue_mutex' is released here
  leave();
}

int main() {
  std::thread a(push);
  std::thread b(push);
  a.join();
  b.join();
}
