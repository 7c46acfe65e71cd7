// Threads started by a helper called twice from main, handles kept in a
// vector and joined in a later loop.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int jobs;

static void job() {
  jobs--;
// CHECK: [[@LINE-1]]:7: warning: 'jobs' is decremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

static void spawn(std::vector<std::thread> &pool) { pool.emplace_back(job); }

int main() {
  std::vector<std::thread> pool;
  spawn(pool);
  spawn(pool);
  for (std::thread &t : pool)
    t.join();
  return jobs;
}
