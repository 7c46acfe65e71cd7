// Detached, then main waits with future.get() for a promise set at the end
// of the thread's work.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <cstdio>
#include <future>
#include <thread>

void task(std::promise<int> result) {
  std::printf("task is running\n");
  std::printf("task is over\n");
  result.set_value(42);
}

int main() {
  std::promise<int> result;
  std::future<int> answer = result.get_future();
  std::thread(task, std::move(result)).detach();
  return answer.get() == 42 ? 0 : 1;
}
