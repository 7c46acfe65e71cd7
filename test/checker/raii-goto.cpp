// 'goto' out of a guard's scope releases it; the update after the label is
// unlocked, the one before the goto is locked.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int attempts;
int failures;
std::mutex stats_mutex;

void attempt(int n) {
  {
    std::lock_guard<std::mutex> guard(stats_mutex);
    attempts++;
    if (n < 0)
      goto failed;
  }
  return;
failed:
  failures++;
// CHECK: [[@LINE-1]]:11: warning: 'failures' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(attempt, 1);
  std::thread b(attempt, -1);
  a.join();
  b.join();
}
