// Twin of split-unique-relock.cpp: the unique_lock is released only after the
// write, then retaken for an unrelated read.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>

int balance;
std::mutex balance_mutex;

int deposit() {
  std::unique_lock<std::mutex> lock(balance_mutex);
  int seen = balance;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  balance = seen + 10;
  lock.unlock();
  lock.lock();
  return balance;
}

int main() {
  std::thread a(deposit);
  std::thread b(deposit);
  a.join();
  b.join();
}
