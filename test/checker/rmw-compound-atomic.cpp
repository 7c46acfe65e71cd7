// Twin of rmw-compound.cpp: std::atomic's += is one atomic read-modify-write.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <atomic>
#include <thread>
#include <vector>

std::atomic<long> total;

void add(int v) {
  total += v;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(add, i);
  for (std::thread &t : threads)
    t.join();
}
