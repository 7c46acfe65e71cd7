// Twin of start-jthread.cpp: a jthread joins when its scope ends, so the two
// run one after the other and main reads after both.
// RUN: %racelint-races %s -- -std=c++20 -pthread | count 0

#include <thread>

int ticks;

static void tick() { ticks++; }

int main() {
  {
    std::jthread a(tick);
  }
  {
    std::jthread b(tick);
  }
  return ticks;
}
