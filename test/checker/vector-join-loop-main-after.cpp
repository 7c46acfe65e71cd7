// Twin of vector-join-loop-main-between.cpp: main reads after the join loop.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

int finished;
std::mutex finished_mutex;

void work() {
  std::lock_guard<std::mutex> guard(finished_mutex);
  finished = 1;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work);
  for (std::thread &t : threads)
    t.join();
  std::printf("%d\n", finished);
}
