// A finite detached thread whose work nobody can observe: nothing is lost.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>

int square(int x) { return x * x; }

void compute() {
  int total = 0;
  for (int i = 0; i < 100; ++i)
    total += square(i);
  (void)total;
}

int main() {
  std::thread(compute).detach();
}
