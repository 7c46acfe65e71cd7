// Twin of atomic-load-store.cpp: the load and the store are in one critical
// section, so the update is not lost.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

std::atomic<int> money{100};
std::mutex money_mutex;

void task() {
  std::lock_guard<std::mutex> guard(money_mutex);
  money.store(money.load() - 1);
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
