// Twin of rmw-two-bodies.cpp: the first thread is joined before the second
// starts, and main touches 'level' only between them.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

int level;

void raise_level() { level++; }

void lower_level() { level--; }

int main() {
  std::thread a(raise_level);
  a.join();
  level *= 2;
  std::thread b(lower_level);
  b.join();
  return level;
}
