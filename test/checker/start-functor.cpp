// Threads started with a functor object whose operator() updates a global.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int ticks;

struct Ticker {
  void operator()() const {
    ticks += 2;
// CHECK: [[@LINE-1]]:11: warning: 'ticks' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
};

int main() {
  std::thread a(Ticker{});
  std::thread b(Ticker{});
  a.join();
  b.join();
}
