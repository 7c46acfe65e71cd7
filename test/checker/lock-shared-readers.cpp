// shared_mutex: readers under shared_lock read together, the writer takes it
// exclusively; nothing races.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <shared_mutex>
#include <thread>

int config_version;
std::shared_mutex config_mutex;

int read_config() {
  std::shared_lock<std::shared_mutex> lock(config_mutex);
  return config_version;
}

void update_config() {
  std::unique_lock<std::shared_mutex> lock(config_mutex);
  config_version++;
}

int main() {
  std::thread r1(read_config);
  std::thread r2(read_config);
  std::thread w1(update_config);
  std::thread w2(update_config);
  r1.join();
  r2.join();
  w1.join();
  w2.join();
}
