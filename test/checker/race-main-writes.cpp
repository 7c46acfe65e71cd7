// main writes between the start and the join while the thread reads.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

bool stop;

void poll() {
  while (!stop) {
  }
}

int main() {
  std::thread t(poll);
  stop = true;
// CHECK: [[@LINE-1]]:8: warning: 'stop' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: :[[@LINE-8]]:11: note: conflicting read in another thread here
// CHECK: :[[@LINE-4]]:15: note: a thread running 'poll' is started here
  t.join();
}
