// A fresh allocation per start: the threads share nothing.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>
#include <vector>

struct Job {
  int progress = 0;
};

static void run_job(Job *job) {
  for (int i = 0; i < 10; ++i)
    job->progress++;
  delete job;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(run_job, new Job());
  for (std::thread &t : threads)
    t.join();
}
