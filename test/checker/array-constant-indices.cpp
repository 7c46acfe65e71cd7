// Each thread has its own element, named by a constant index: directly
// (counts[0], counts[1]) or through a pointer it is handed (&slots[0],
// &slots[1], from two start sites). Distinct constants are distinct memory.
// Twin: array-constant-index-shared.cpp.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

int counts[2];
long slots[2];

void first() { counts[0]++; }
void second() { counts[1]++; }
void bump(long *slot) { ++*slot; }

int main() {
  std::thread a(first), b(second);
  std::thread c(bump, &slots[0]), d(bump, &slots[1]);
  a.join();
  b.join();
  c.join();
  d.join();
  return counts[0] + counts[1] + int(slots[0] + slots[1]);
}
