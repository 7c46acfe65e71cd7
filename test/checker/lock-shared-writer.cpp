// Twin of lock-shared-readers.cpp: an update under a shared_lock - other
// holders of the shared lock run it at the same time.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <shared_mutex>
#include <thread>

int config_version;
std::shared_mutex config_mutex;

void update_config() {
  std::shared_lock<std::shared_mutex> lock(config_mutex);
  config_version++;
// CHECK: [[@LINE-1]]:17: warning: 'config_version' is incremented without a lock{{.*}} [unsynchronized-rmw]
}

int main() {
  std::thread w1(update_config);
  std::thread w2(update_config);
  w1.join();
  w2.join();
}
