// A helper that releases its caller's lock before an update leaves the update
// unprotected, whatever the caller holds around the call.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

std::mutex m;
int outside, inside;

void bump_outside_lock() {
  m.unlock();
  outside++;
// CHECK: [[@LINE-1]]:10: warning: 'outside' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  m.lock();
  inside++;
}

void worker() {
  std::lock_guard<std::mutex> guard(m);
  bump_outside_lock();
}

int main() {
  std::thread a(worker), b(worker);
  a.join();
  b.join();
}
