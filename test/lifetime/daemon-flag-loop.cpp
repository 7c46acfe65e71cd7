// main spins on an atomic flag the detached thread sets after its work.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

std::atomic<bool> finished{false};

void worker() {
  std::printf("worker is over\n");
  finished.store(true);
}

int main() {
  std::thread(worker).detach();
  while (!finished.load())
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}
