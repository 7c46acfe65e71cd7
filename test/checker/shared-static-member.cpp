// A static data member is shared by every thread.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

struct Stats {
  static int requests;
  static void count() {
    requests += 1;
// CHECK: [[@LINE-1]]:14: warning: '{{(Stats::)?}}requests' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
};

int Stats::requests;

int main() {
  std::thread a(&Stats::count);
  std::thread b(&Stats::count);
  a.join();
  b.join();
}
