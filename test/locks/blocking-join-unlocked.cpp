// Twin of blocking-join.cpp: join first, then lock.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex results_mutex;
int results;

void work() {
  std::lock_guard<std::mutex> lock(results_mutex);
  results++;
}

int main() {
  std::thread worker(work);
  worker.join();
  std::lock_guard<std::mutex> lock(results_mutex);
  results++;
}
