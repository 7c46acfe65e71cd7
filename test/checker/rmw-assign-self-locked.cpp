// Twin of rmw-assign-self.cpp: a lock_guard covers x = x - 1.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>
#include <vector>

int money = 100;
std::mutex money_mutex;

void spend() {
  std::lock_guard<std::mutex> guard(money_mutex);
  money = money - 1;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(spend);
  for (std::thread &t : threads)
    t.join();
}
