// Twin of async-two-tasks.cpp: the first task's get() comes before the second
// task starts.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <future>

int processed;

static void process() { processed += 1; }

int main() {
  auto a = std::async(std::launch::async, process);
  a.get();
  auto b = std::async(std::launch::async, process);
  b.get();
  return processed;
}
