// Twin of async-two-tasks.cpp: a std::async future nobody names is destroyed
// at the end of its statement, and that destructor waits for the task. The
// tasks run one after another, in a loop too: nothing to report.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <future>

int processed;

static void process() { processed += 1; }

int main() {
  std::async(std::launch::async, process);
  std::async(std::launch::async, process);
  for (int i = 0; i < 4; ++i)
    std::async(std::launch::async, process);
  (void)std::async(std::launch::async, process);
  return processed;
}
