// A condition-variable handshake: the thread sets 'done' under the mutex
// after its last line, main waits on a predicate reading it.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex m;
std::condition_variable cv;
bool done = false;

void worker() {
  std::printf("worker is over\n");
  std::lock_guard<std::mutex> lock(m);
  done = true;
  cv.notify_one();
}

int main() {
  std::thread(worker).detach();
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return done; });
}
