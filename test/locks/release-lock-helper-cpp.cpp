// C++ helpers that take and release the lock for their caller, one of them
// unlocking around a sleep: the calls that take the lock are not exits by
// exception, and std::this_thread calls are not counted as throwing.
// RUN: %racelint --checks=-*,lock-not-released %s -- -std=c++17 -pthread | count 0

#include <chrono>
#include <mutex>
#include <thread>

std::mutex queue_mutex;
int queue_length;

static void enter() { queue_mutex.lock(); }
static void leave() { queue_mutex.unlock(); }

static void pause_unlocked() {
  queue_mutex.unlock();
  std::this_thread::sleep_for(std::chrono::milliseconds(1));
  queue_mutex.lock();
}

void push() {
  enter();
  queue_length++;
  pause_unlocked();
  queue_length++;
  leave();
}

int main() {
  std::thread a(push);
  std::thread b(push);
  a.join();
  b.join();
}
