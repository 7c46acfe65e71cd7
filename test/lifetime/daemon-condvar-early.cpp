// Twin of daemon-condvar.cpp: 'done' is set before the last line.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

std::mutex m;
std::condition_variable cv;
bool done = false;

void worker() {
  {
    std::lock_guard<std::mutex> lock(m);
    done = true;
  }
  cv.notify_one();
  std::printf("worker is over\n");
}

int main() {
  std::thread(worker).detach();
// CHECK: :[[@LINE-1]]:23: warning: the thread running 'worker' is detached and may still be running when 'main' returns; the wait at line [[@LINE+6]] does not wait for it to finish [daemon-thread]
// CHECK: :[[@LINE-12]]:6: note: the detached thread runs 'worker'
// CHECK: :[[@LINE+4]]:3: note: this waits only until the thread signals at line [[@LINE-10]], not until it finishes
// CHECK: :[[@LINE+4]]:1: note: 'main' ends here while the thread may still run
// CHECK: :[[@LINE-9]]:3: note: the thread may never print "worker is over"
  std::unique_lock<std::mutex> lock(m);
  cv.wait(lock, [] { return done; });
}
