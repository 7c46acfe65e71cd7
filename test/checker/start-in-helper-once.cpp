// Twin of start-in-helper.cpp: the helper is called once, and main touches
// the counter only after the join loop.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>
#include <vector>

int jobs;

static void job() { jobs--; }

static void spawn(std::vector<std::thread> &pool) { pool.emplace_back(job); }

int main() {
  std::vector<std::thread> pool;
  spawn(pool);
  for (std::thread &t : pool)
    t.join();
  jobs = 0;
  return jobs;
}
