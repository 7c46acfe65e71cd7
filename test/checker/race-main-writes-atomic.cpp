// Twin of race-main-writes.cpp: the flag is a std::atomic<bool>.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <atomic>
#include <thread>

std::atomic<bool> stop;

void poll() {
  while (!stop) {
  }
}

int main() {
  std::thread t(poll);
  stop = true;
  t.join();
}
