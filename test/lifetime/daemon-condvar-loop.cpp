// The predicate as a loop around a bare wait, on a flag captured by
// reference: the thread sets it last.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

int main() {
  std::mutex m;
  std::condition_variable cv;
  bool done = false;
  std::thread([&] {
    std::printf("worker is over\n");
    std::lock_guard<std::mutex> lock(m);
    done = true;
    cv.notify_all();
  }).detach();
  std::unique_lock<std::mutex> lock(m);
  while (!done)
    cv.wait(lock);
}
