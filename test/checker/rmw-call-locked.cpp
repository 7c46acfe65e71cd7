// Twin of rmw-call.cpp: a unique_lock covers x = f(x).
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int level = 1;
std::mutex level_mutex;

static int twice(int v) { return v * 2; }

void grow() {
  std::unique_lock<std::mutex> lock(level_mutex);
  level = twice(level);
}

int main() {
  std::thread a(grow);
  std::thread b(grow);
  a.join();
  b.join();
}
