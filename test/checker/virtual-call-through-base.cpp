// A thread entry calling a pure virtual run() through a base pointer: the
// override's update is reported; the call itself writes nothing.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int hits;

struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
};

struct Counter : Task {
  void run() override {
    hits++;
// CHECK: [[@LINE-1]]:9: warning: 'hits' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
};

static void execute(Task *task) { task->run(); }

int main() {
  Counter counter;
  std::thread a(execute, &counter);
  std::thread b(execute, &counter);
  a.join();
  b.join();
}
