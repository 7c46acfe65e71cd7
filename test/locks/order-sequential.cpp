// The opposite orders never overlap: main takes one before starting the
// thread and the other after joining it, and two helpers with opposite
// orders run one after the other on a single thread.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex a_mutex, b_mutex;
int a_value, b_value;

void forward() {
  std::lock_guard<std::mutex> la(a_mutex);
  std::lock_guard<std::mutex> lb(b_mutex);
  a_value = b_value;
}

void backward() {
  std::lock_guard<std::mutex> lb(b_mutex);
  std::lock_guard<std::mutex> la(a_mutex);
  b_value = a_value;
}

void worker() {
  backward();
  forward();
}

int main() {
  forward();
  std::thread t(worker);
  t.join();
  backward();
}
