// Two std::async tasks of the same function alive at once, each updating the
// counter: one report at the update.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <future>

int processed;

static void process() {
  processed += 1;
// CHECK: [[@LINE-1]]:13: warning: 'processed' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  auto a = std::async(std::launch::async, process);
  auto b = std::async(std::launch::async, process);
  a.get();
  b.get();
}
