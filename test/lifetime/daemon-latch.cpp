// std::latch counted down at the end of each detached worker.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <cstdio>
#include <latch>
#include <thread>

void worker(std::latch &finished, int id) {
  std::printf("worker %d is over\n", id);
  finished.count_down();
}

int main() {
  std::latch finished(2);
  for (int id = 0; id < 2; ++id)
    std::thread(worker, std::ref(finished), id).detach();
  finished.wait();
}
