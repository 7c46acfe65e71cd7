// Twin of joinable-temporary.cpp: the handle is moved into a vector that
// is joined.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>
#include <utility>
#include <vector>

void work() noexcept {}

void run() {
  std::vector<std::thread> pool;
  std::thread t(work);
  pool.push_back(std::move(t));
  for (auto &worker : pool)
    if (worker.joinable())
      worker.join();
}

int main() { run(); }
