// Twin of race-write-write.cpp: both stores under one mutex.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int mode;
std::mutex mode_mutex;

void use_fast() {
  std::lock_guard<std::mutex> guard(mode_mutex);
  mode = 1;
}

void use_safe() {
  std::lock_guard<std::mutex> guard(mode_mutex);
  mode = 2;
}

int main() {
  std::thread a(use_fast);
  std::thread b(use_safe);
  a.join();
  b.join();
}
