// Twin of start-address-of-function.cpp: one thread, main touches the counter
// before the start and after the join only.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

int ticks;

static void tick() { ticks++; }

int main() {
  ticks = 1;
  std::thread a(&tick);
  a.join();
  return ticks;
}
