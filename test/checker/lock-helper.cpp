// Helpers that lock and unlock on their caller's behalf: the update between
// the two calls is locked.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int queue_length;
std::mutex queue_mutex;

static void enter() { queue_mutex.lock(); }
static void leave() { queue_mutex.unlock(); }

void push() {
  enter();
  queue_length++;
  leave();
}

int main() {
  std::thread a(push);
  std::thread b(push);
  a.join();
  b.join();
}
