// A true background daemon: an endless heartbeat that prints and touches
// only an atomic. Cutting it off at exit is what it is for.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

std::atomic<long> beats{0};

void heartbeat() {
  for (;;) {
    beats.fetch_add(1);
    std::printf("alive\n");
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

int main() {
  std::thread(heartbeat).detach();
  std::printf("serving\n");
}
