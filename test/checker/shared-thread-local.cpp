// thread_local: each thread has its own copy, nothing is shared.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

thread_local int calls;

void work() {
  calls++;
  calls = calls * 2;
}

int main() {
  std::thread a(work);
  std::thread b(work);
  calls = 5;
  a.join();
  b.join();
}
