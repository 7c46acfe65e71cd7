// The thread body calls a helper that takes the lock itself.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int visits;
std::mutex visits_mutex;

static void record_visit() {
  std::lock_guard<std::mutex> guard(visits_mutex);
  visits++;
}

void serve() {
  for (int i = 0; i < 10; ++i)
    record_visit();
}

int main() {
  std::thread a(serve);
  std::thread b(serve);
  a.join();
  b.join();
}
