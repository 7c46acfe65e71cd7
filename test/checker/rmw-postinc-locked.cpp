// Twin of rmw-postinc.cpp: the increment is under a lock_guard.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int counter;
std::mutex counter_mutex;

void work() {
  std::lock_guard<std::mutex> guard(counter_mutex);
  counter++;
}

int main() {
  std::thread t1(work);
  std::thread t2(work);
  t1.join();
  t2.join();
}
