// Twin of fresh-new-per-thread.cpp: one allocation handed to every thread.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

struct Job {
  int progress = 0;
};

static void run_job(Job *job) {
  for (int i = 0; i < 10; ++i)
    job->progress++;
// CHECK: [[@LINE-1]]:18: warning: '{{.*}}progress' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  Job *shared = new Job();
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(run_job, shared);
  for (std::thread &t : threads)
    t.join();
  delete shared;
}
