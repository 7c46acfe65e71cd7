// Several findings come out in source order (line, then column), whatever the
// order the threads are started in.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int alpha;
int beta;
int gamma_count;

void third() {
  gamma_count += 3;
// CHECK: [[@LINE-1]]:15: warning: 'gamma_count' is read, modified and written back
}

void first() {
  alpha++; beta++;
// CHECK: [[@LINE-1]]:8: warning: 'alpha' is incremented
// CHECK: [[@LINE-2]]:16: warning: 'beta' is incremented
}

int main() {
  std::thread a(first);
  std::thread b(third);
  std::thread c(first);
  std::thread d(third);
  a.join();
  b.join();
  c.join();
  d.join();
}
