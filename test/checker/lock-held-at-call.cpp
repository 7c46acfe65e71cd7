// The lock held at the call covers the callee's accesses.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int visits;
std::mutex visits_mutex;

static void record_visit() { visits++; }

void serve() {
  std::lock_guard<std::mutex> guard(visits_mutex);
  record_visit();
}

int main() {
  std::thread a(serve);
  std::thread b(serve);
  a.join();
  b.join();
}
