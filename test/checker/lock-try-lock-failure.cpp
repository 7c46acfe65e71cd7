// Twin of lock-try-lock-success.cpp: the update is on the failure branch,
// where the mutex is not held.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int jobs_skipped;
std::mutex jobs_mutex;

void finish_job() {
  if (jobs_mutex.try_lock()) {
    jobs_mutex.unlock();
    return;
  }
  jobs_skipped++;
// CHECK: [[@LINE-1]]:15: warning: 'jobs_skipped' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(finish_job);
  std::thread b(finish_job);
  a.join();
  b.join();
}
