// Twin of lambda-by-reference.cpp: captured by value, each thread updates its
// own copy.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>
#include <vector>

int main() {
  int done = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([done]() mutable { done++; });
  done = 7;
  for (std::thread &t : threads)
    t.join();
  return done;
}
