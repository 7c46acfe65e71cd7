// A worker loop 'while (true)' whose exit is a 'break' under the lock: every
// update is locked. (Constant conditions give CFG blocks a null successor.)
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int pending = 10;
std::mutex pending_mutex;

void worker() {
  while (true) {
    std::lock_guard<std::mutex> guard(pending_mutex);
    if (pending == 0)
      break;
    pending--;
  }
  if (false)
    pending = 0;
}

int main() {
  std::thread a(worker);
  std::thread b(worker);
  a.join();
  b.join();
}
