// Twin of lock-thread-safety-attributes.cpp: the update comes after leave().
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

class __attribute__((capability("mutex"))) SpinGate {
public:
  void enter() __attribute__((acquire_capability())) { impl_.lock(); }
  void leave() __attribute__((release_capability())) { impl_.unlock(); }

private:
  std::mutex impl_;
};

SpinGate gate;
int passes;

void pass() {
  gate.enter();
  gate.leave();
  passes++;
// CHECK: [[@LINE-1]]:9: warning: 'passes' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(pass);
  std::thread b(pass);
  a.join();
  b.join();
}
