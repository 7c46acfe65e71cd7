// Twin of race-write-read-main.cpp: main reads only after the join, and
// writes only before the start.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

int result;

void compute() {
  result = result + 42;
}

int main() {
  result = 1;
  std::thread t(compute);
  t.join();
  int r = result;
  result = 0;
  return r;
}
