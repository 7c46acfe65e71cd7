// A std::mutex locked again on a path that already holds it: the thread
// waits for itself. The guard in the same scope is the same mistake.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex config_mutex;
int config_version;

void reload(bool full) {
  config_mutex.lock();
  if (full)
    config_mutex.lock();
  // CHECK: [[@LINE-1]]:18: warning: 'config_mutex' is locked here while this thread may already hold it; a non-recursive lock waits for itself forever [lock-not-released]
  // CHECK: [[@LINE-4]]:16: note: 'config_mutex' is first locked here
  config_version++;
  {
    std::lock_guard<std::mutex> guard(config_mutex);
    // CHECK: [[@LINE-1]]:33: warning: 'config_mutex' is locked here while this thread may already hold it; a non-recursive lock waits for itself forever [lock-not-released]
    // CHECK: [[@LINE-9]]:16: note: 'config_mutex' is first locked here
    config_version++;
  }
  config_mutex.unlock();
}

int main() {
  std::thread a(reload, true);
  a.join();
}
