// Elements indexed by the thread's own index are distinct; the thread's
// index comes in as its argument.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>
#include <vector>

int counts[8];

static void work(int id) {
  for (int i = 0; i < 100; ++i)
    counts[id]++;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(work, i);
  for (std::thread &t : threads)
    t.join();
  return counts[0];
}
