// Twin of joinable-container.cpp: joined in a later loop.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>
#include <vector>

void work(int) noexcept {}

void run_all() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.push_back(std::thread(work, i));
  for (std::thread &t : pool)
    t.join();
}

int main() { run_all(); }
