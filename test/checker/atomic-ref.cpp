// std::atomic_ref makes each access to a plain int atomic.
// RUN: %racelint-races %s -- -std=c++20 -pthread | count 0

#include <atomic>
#include <thread>

int hits;

static void hit() { std::atomic_ref<int>(hits).fetch_add(1); }

int main() {
  std::thread a(hit);
  std::thread b(hit);
  a.join();
  b.join();
  return hits;
}
