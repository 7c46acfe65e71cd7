// A thread base class over pthreads: start() passes 'this' to a static
// trampoline that calls the virtual run().
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

class Thread {
public:
  virtual ~Thread() = default;
  void start() { pthread_create(&tid_, nullptr, &Thread::trampoline, this); }
  void join() { pthread_join(tid_, nullptr); }

protected:
  virtual void run() = 0;

private:
  static void *trampoline(void *self) {
    static_cast<Thread *>(self)->run();
    return nullptr;
  }
  pthread_t tid_;
};

long bytes_sent;

class Sender : public Thread {
protected:
  void run() override {
    bytes_sent = bytes_sent + 512;
// CHECK: [[@LINE-1]]:16: warning: 'bytes_sent' is updated from a value read at line [[@LINE-1]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
};

class Idle : public Thread {
protected:
  void run() override {}
};

int main() {
  Sender a;
  Sender b;
  Idle c;
  a.start();
  b.start();
  c.start();
  a.join();
  b.join();
  c.join();
}
