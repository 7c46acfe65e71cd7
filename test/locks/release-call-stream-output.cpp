// Twin of release-call-may-throw.cpp: writing to a standard stream reports
// errors through the stream's state, not by throwing (unless the program
// asked for exceptions()), so a log line inside the critical section does
// not leak the lock; neither does a helper that only logs and unlocks.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <iostream>
#include <mutex>
#include <thread>

std::mutex events_mutex;
int events;

void unlock_and_log() {
  events_mutex.unlock();
  std::clog << "unlocked\n";
}

void record(int e) {
  events_mutex.lock();
  if (e < 0)
    std::cerr << "negative event " << e << '\n';
  events += e;
  events_mutex.unlock();

  events_mutex.lock();
  events -= e;
  unlock_and_log();
}

int main() {
  std::thread a(record, 1);
  std::thread b(record, 2);
  a.join();
  b.join();
}
