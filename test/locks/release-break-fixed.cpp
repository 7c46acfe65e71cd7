// Twin of release-break.cpp: unlock before leaving the loop.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex queue_mutex;
int queue_items[16];
int queue_size;

void drain() {
  for (int i = 0; i < 16; ++i) {
    queue_mutex.lock();
    if (queue_size == 0) {
      queue_mutex.unlock();
      break;
    }
    queue_items[--queue_size] = 0;
    queue_mutex.unlock();
  }
}

int main() {
  std::thread a(drain);
  std::thread b(drain);
  a.join();
  b.join();
}
