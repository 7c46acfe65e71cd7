// Twin of joinable-early-return.cpp: the early return joins first.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>

void work() noexcept {}

int run(bool ready) {
  std::thread t(work);
  if (!ready) {
    t.join();
    return 1;
  }
  if (t.joinable())
    t.join();
  return 0;
}

int main() { return run(true); }
