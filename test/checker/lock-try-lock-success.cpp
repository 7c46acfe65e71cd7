// try_lock: the update runs on its success branch only, under the lock.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int jobs_done;
std::mutex jobs_mutex;

void finish_job() {
  if (jobs_mutex.try_lock()) {
    jobs_done++;
    jobs_mutex.unlock();
  }
}

int main() {
  std::thread a(finish_job);
  std::thread b(finish_job);
  a.join();
  b.join();
}
