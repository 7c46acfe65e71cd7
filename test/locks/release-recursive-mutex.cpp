// Twin of release-self-deadlock.cpp: a recursive_mutex may be taken again.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::recursive_mutex config_mutex;
int config_version;

void reload() {
  config_mutex.lock();
  config_mutex.lock();
  config_version++;
  config_mutex.unlock();
  config_mutex.unlock();
}

int main() {
  std::thread a(reload);
  std::thread b(reload);
  a.join();
  b.join();
}
