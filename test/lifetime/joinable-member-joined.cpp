// Twin of joinable-member-not-joined.cpp: the destructor joins, through a
// helper.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <atomic>
#include <thread>

class Poller {
public:
  Poller() : worker_(&Poller::poll, this) {}
  ~Poller() { stop(); }

private:
  void stop() {
    stop_ = true;
    if (worker_.joinable())
      worker_.join();
  }
  void poll() {
    while (!stop_) {
    }
  }
  std::atomic<bool> stop_{false};
  std::thread worker_;
};

int main() { Poller p; }
