// Twin of joinable-early-return.cpp: std::jthread joins in its destructor.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>

void work() noexcept {}

int run(bool ready) {
  std::jthread t(work);
  if (!ready)
    return 1;
  t.join();
  return 0;
}

int main() { return run(true); }
