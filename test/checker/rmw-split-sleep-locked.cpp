// Twin of rmw-split-sleep.cpp: one lock_guard over read, sleep and write.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

int money = 100;
std::mutex money_mutex;

void task() {
  std::lock_guard<std::mutex> guard(money_mutex);
  int tmp = money;
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  money = tmp - 1;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
