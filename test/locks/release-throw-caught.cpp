// Twin of release-throw.cpp: the handler in the same function unlocks.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <stdexcept>
#include <thread>

std::mutex stock_mutex;
int stock = 10;

bool reserve(int n) {
  stock_mutex.lock();
  try {
    if (n > stock)
      throw std::runtime_error("out of stock");
    stock -= n;
  } catch (const std::runtime_error &) {
    stock_mutex.unlock();
    return false;
  }
  stock_mutex.unlock();
  return true;
}

int main() {
  std::thread a(reserve, 3);
  std::thread b(reserve, 9);
  a.join();
  b.join();
}
