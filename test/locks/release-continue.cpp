// A continue skips the unlock: the next iteration locks again while held.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex stats_mutex;
int stats[8];

void count_odd() {
  for (int i = 0; i < 8; ++i) {
    stats_mutex.lock();
    // CHECK: [[@LINE-1]]:17: warning: 'stats_mutex' is locked here and some path leaves 'count_odd' without unlocking it [lock-not-released]
    if (i % 2 == 0)
      continue;
    // CHECK: [[@LINE-1]]:7: note: 'continue' skips the rest of the loop here with 'stats_mutex' held
    stats[i]++;
    stats_mutex.unlock();
  }
}

int main() {
  std::thread a(count_odd);
  std::thread b(count_odd);
  a.join();
  b.join();
}
