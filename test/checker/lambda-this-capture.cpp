// A lambda capturing 'this', started twice on the same object: the member is
// shared; a second object's own thread is not.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

struct Meter {
  int readings = 0;
  std::thread start() {
    return std::thread([this] {
      readings++;
// CHECK: [[@LINE-1]]:15: warning: '{{.*}}readings' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
    });
  }
};

int main() {
  Meter shared;
  std::thread a = shared.start();
  std::thread b = shared.start();
  a.join();
  b.join();
}
