// Twin of start-functor.cpp: each functor (a copy per thread) updates its own
// member.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

struct Ticker {
  int ticks = 0;
  void operator()() { ticks += 2; }
};

int main() {
  Ticker ticker;
  std::thread a(ticker);
  std::thread b(ticker);
  a.join();
  b.join();
}
