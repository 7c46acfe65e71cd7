// A method with an ACQUIRE() attribute exists to lock: it may return with
// the lock held on some paths only and is not a leak.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

class __attribute__((capability("mutex"))) Gate {
public:
  void enter() __attribute__((acquire_capability())) {
    m_.lock();
    if (closed_)
      return;
    entries_++;
  }
  void leave() __attribute__((release_capability())) { m_.unlock(); }

private:
  std::mutex m_;
  bool closed_ = false;
  int entries_ = 0;
};

Gate gate;

void visit() {
  gate.enter();
  gate.leave();
}

int main() {
  std::thread a(visit);
  std::thread b(visit);
  a.join();
  b.join();
}
