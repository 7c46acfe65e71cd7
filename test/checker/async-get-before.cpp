// Twin of async-launch-async.cpp: get() waits for the task before main
// writes.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <future>

int limit = 10;

static int count_up() {
  int n = 0;
  for (int i = 0; i < limit; ++i)
    n++;
  return n;
}

int main() {
  std::future<int> f = std::async(std::launch::async, count_up);
  int n = f.get();
  limit = 20;
  return n;
}
