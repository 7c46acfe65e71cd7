// Twin of shared-static-local.cpp: a static local mutex guards the counter
// (the initialisation of a static local itself is thread-safe).
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int next_id() {
  static std::mutex id_mutex;
  static int last_id = 0;
  std::lock_guard<std::mutex> guard(id_mutex);
  return ++last_id;
}

void work() { next_id(); }

int main() {
  std::thread a(work);
  std::thread b(work);
  a.join();
  b.join();
}
