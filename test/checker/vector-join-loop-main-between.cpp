// Threads kept in a std::vector and joined in a later loop; main reads the
// counter between the start loop and the join loop.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

int finished;
std::mutex finished_mutex;

void work() {
  std::lock_guard<std::mutex> guard(finished_mutex);
  finished = 1;
// CHECK: [[@LINE-1]]:12: warning: 'finished' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: note: conflicting read in 'main' here, while the thread is running
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(work);
  std::printf("%d\n", finished);
  for (std::thread &t : threads)
    t.join();
}
