// A lock no other thread ever takes at the same time serializes nothing.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>

std::mutex config_mutex;
int config;

int main() {
  std::lock_guard<std::mutex> lock(config_mutex);
  std::this_thread::sleep_for(std::chrono::milliseconds(10));
  config = 1;
}
