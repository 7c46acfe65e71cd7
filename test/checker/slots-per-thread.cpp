// Thread i gets &slots[i]: no two threads share a slot; main reads them after
// the join loop.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>
#include <vector>

static void fill(int *slot) { *slot = *slot + 1; }

int main() {
  int slots[8] = {};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(fill, &slots[i]);
  for (std::thread &t : threads)
    t.join();
  int sum = 0;
  for (int i = 0; i < 8; ++i)
    sum += slots[i];
  return sum;
}
