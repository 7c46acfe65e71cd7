// Twin of lock-helper.cpp: the unlocking helper is called before the update.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int queue_length;
std::mutex queue_mutex;

static void enter() { queue_mutex.lock(); }
static void leave() { queue_mutex.unlock(); }

void push() {
  enter();
  leave();
  queue_length++;
// CHECK: [[@LINE-1]]:15: warning: 'queue_length' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(push);
  std::thread b(push);
  a.join();
  b.join();
}
