// A guard inside a loop body: 'break' leaves its scope and releases it, so the
// update after the loop is unlocked; the one inside is locked.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int filled;
int rounds;
std::mutex fill_mutex;

void fill() {
  for (;;) {
    std::lock_guard<std::mutex> guard(fill_mutex);
    if (filled >= 10)
      break;
    filled++;
  }
  rounds++;
// CHECK: [[@LINE-1]]:9: warning: 'rounds' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(fill);
  std::thread b(fill);
  a.join();
  b.join();
}
