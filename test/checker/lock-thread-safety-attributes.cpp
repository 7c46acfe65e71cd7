// A user mutex class with Clang's thread-safety attributes and non-standard
// method names: its acquire/release functions are locks.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

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
  passes++;
  gate.leave();
}

int main() {
  std::thread a(pass);
  std::thread b(pass);
  a.join();
  b.join();
}
