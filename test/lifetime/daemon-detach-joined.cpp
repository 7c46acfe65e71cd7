// Twin of daemon-detach-return.cpp: joined, so every line prints.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <cstdio>
#include <thread>

void report(int id) {
  std::printf("worker %d is running\n", id);
  std::printf("worker %d is over\n", id);
}

int main() {
  std::thread t(report, 1);
  t.join();
  return 0;
}
