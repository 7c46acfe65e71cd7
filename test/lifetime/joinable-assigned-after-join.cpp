// Twin of joinable-assigned.cpp: joined before it is reused.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>

void first() noexcept {}
void second() noexcept {}

void run() {
  std::thread t(first);
  t.join();
  t = std::thread(second);
  t.join();
}

int main() { run(); }
