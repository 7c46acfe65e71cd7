// Twin of rmw-predec.cpp: std::mutex lock() and unlock() by hand around --x;
// main reads after the join loop.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>
#include <vector>

int tickets = 100;
std::mutex tickets_mutex;

void sell() {
  tickets_mutex.lock();
  --tickets;
  tickets_mutex.unlock();
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(sell);
  for (std::thread &t : threads)
    t.join();
  return tickets;
}
