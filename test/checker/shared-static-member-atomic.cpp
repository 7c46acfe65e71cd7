// Twin of shared-static-member.cpp: the static member is a std::atomic.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <atomic>
#include <thread>

struct Stats {
  static std::atomic<int> requests;
  static void count() { requests += 1; }
};

std::atomic<int> Stats::requests;

int main() {
  std::thread a(&Stats::count);
  std::thread b(&Stats::count);
  a.join();
  b.join();
}
