// Twin of slots-same-pointer-two-starts.cpp: each thread gets a different
// variable's address.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

static void fill(int *slot) { *slot = *slot + 1; }

int main() {
  int first = 0;
  int second = 0;
  std::thread a(fill, &first);
  std::thread b(fill, &second);
  a.join();
  b.join();
  return first + second;
}
