// Twin of release-call-may-throw.cpp: the calls in the region cannot throw
// (a helper with no throwing code, a noexcept function, a C function).
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <cstdio>
#include <mutex>
#include <thread>

std::mutex events_mutex;
int events[64];
int event_count;

static void store(int e) { events[event_count++ % 64] = e; }
static int checksum() noexcept { return event_count * 31; }

void record(int e) {
  events_mutex.lock();
  store(e);
  std::printf("%d\n", checksum());
  events_mutex.unlock();
}

int main() {
  std::thread a(record, 1);
  std::thread b(record, 2);
  a.join();
  b.join();
}
