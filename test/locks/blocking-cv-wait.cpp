// A condition-variable wait releases the lock while it waits: not blocking
// under the lock. yield and printf are not blocking calls either.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

std::mutex queue_mutex;
std::condition_variable queue_ready;
int queue_items;

void consume() {
  std::unique_lock<std::mutex> lock(queue_mutex);
  queue_ready.wait(lock, [] { return queue_items > 0; });
  queue_items--;
  std::printf("left: %d\n", queue_items);
  std::this_thread::yield();
}

int main() {
  std::vector<std::thread> consumers;
  for (int i = 0; i < 4; ++i)
    consumers.emplace_back(consume);
  {
    std::lock_guard<std::mutex> lock(queue_mutex);
    queue_items = 4;
  }
  queue_ready.notify_all();
  for (std::thread &t : consumers)
    t.join();
}
