// Twin of the lecture's locked program with the pause moved out of the
// critical section: the threads no longer take turns sleeping.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

int money = 100;
std::mutex mutex;

void task() {
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::lock_guard<std::mutex> lock(mutex);
  money -= 1;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 100; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
