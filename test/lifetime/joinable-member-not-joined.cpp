// A class whose destructor does not join its std::thread member.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

class Poller {
public:
  Poller() : worker_(&Poller::poll, this) {}
// CHECK: :[[@LINE-1]]:14: warning: the thread started in member 'worker_' may still be joinable when 'Poller' is destroyed, which calls std::terminate [joinable-thread-destroyed]
// CHECK: fix-it: use std::jthread, which joins in its destructor
// CHECK-NEXT: :[[@LINE+10]]:8: replace 6 byte(s) with "jthread"
// CHECK: :[[@LINE+1]]:29: note: '~Poller' ends here without joining 'worker_'
  ~Poller() { stop_ = true; }

private:
  void poll() {
    while (!stop_) {
    }
  }
  bool stop_ = false;
  std::thread worker_;
};

int main() { Poller p; }
