// Twin of split-gil.cpp: the GIL is released around the sleep, but the whole
// update is inside one hold.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

std::mutex gil;
int money = 100;

static void blocking_sleep() {
  gil.unlock();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  gil.lock();
}

void task() {
  gil.lock();
  blocking_sleep();
  int tmp = money;
  money = tmp - 1;
  gil.unlock();
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 10; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
}
