// Twin of thread-base-run.cpp: run() takes a lock.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
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
std::mutex hits_mutex;

class Counter : public Thread {
protected:
  void run() override {
    std::lock_guard<std::mutex> guard(hits_mutex);
    hits++;
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
