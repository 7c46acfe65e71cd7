// The lecture's "subclass and override run": a user-defined Thread base class
// whose start() creates the thread and calls the virtual run().
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

class Thread {
public:
  virtual ~Thread() = default;
  void start() { worker_ = std::thread([this] { run(); }); }
  void join() { worker_.join(); }

protected:
  virtual void run() = 0;

private:
  std::thread worker_;
};

int hits;

class Counter : public Thread {
protected:
  void run() override {
    hits++;
// CHECK: [[@LINE-1]]:9: warning: 'hits' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
};

int main() {
  Counter a;
  Counter b;
  a.start();
  b.start();
  a.join();
  b.join();
}
