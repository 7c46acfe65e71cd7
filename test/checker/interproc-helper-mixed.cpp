// One helper, called under the lock from one thread body and without it from
// another: the unlocked call makes the update race.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int visits;
std::mutex visits_mutex;

static void record_visit() {
  visits++;
// CHECK: [[@LINE-1]]:9: warning: 'visits' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

void careful() {
  std::lock_guard<std::mutex> guard(visits_mutex);
  record_visit();
}

void careless() { record_visit(); }

int main() {
  std::thread a(careful);
  std::thread b(careless);
  a.join();
  b.join();
}
