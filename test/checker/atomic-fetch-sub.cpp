// Twin of atomic-load-store.cpp: fetch_sub is one atomic read-modify-write;
// plain loads and stores of the atomic elsewhere are not races either.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <atomic>
#include <thread>
#include <vector>

std::atomic<int> money{100};
std::atomic<bool> done{false};

void task() {
  money.fetch_sub(1);
  done.store(true);
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  int seen = money.load();
  (void)seen;
  for (std::thread &t : threads)
    t.join();
}
