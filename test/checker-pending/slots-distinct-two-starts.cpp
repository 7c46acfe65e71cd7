// Twin of slots-same-pointer-two-starts.cpp: distinct elements (constant
// indices 0 and 1), and a distinct variable, per thread.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

static void fill(int *slot) { *slot = *slot + 1; }

int main() {
  int slots[8] = {};
  int extra = 0;
  std::thread a(fill, &slots[0]);
  std::thread b(fill, &slots[1]);
  std::thread c(fill, &extra);
  a.join();
  b.join();
  c.join();
  return slots[0] + extra;
}
