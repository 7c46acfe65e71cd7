// A plain write under shared_lock against a reader under shared_lock: shared
// holders do not exclude each other, so the write races with the read.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <shared_mutex>
#include <thread>

int config_version;
std::shared_mutex config_mutex;

int read_config() {
  std::shared_lock<std::shared_mutex> lock(config_mutex);
  return config_version;
}

void reset_config() {
  std::shared_lock<std::shared_mutex> lock(config_mutex);
  config_version = 0;
// CHECK: [[@LINE-1]]:18: warning: 'config_version' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: :[[@LINE-7]]:10: note: conflicting read in another thread here
}

int main() {
  std::thread r(read_config);
  std::thread w(reset_config);
  r.join();
  w.join();
}
