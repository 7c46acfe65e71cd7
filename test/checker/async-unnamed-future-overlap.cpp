// Twin of async-unnamed-future.cpp: the unnamed future waits for its own
// task only; a thread started before it still runs beside the task.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <future>
#include <thread>

int processed;

static void process() {
  processed += 1;
// CHECK: [[@LINE-1]]:13: warning: 'processed' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread worker(process);
// CHECK: [[@LINE-1]]:15: note: a thread running 'process' is started here
  std::async(std::launch::async, process);
// CHECK: [[@LINE-1]]:3: note: a thread running 'process' is started here
  worker.join();
}
