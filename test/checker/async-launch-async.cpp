// std::async with std::launch::async runs the task on another thread while
// main writes the shared value before get().
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <future>

int limit = 10;

static int count_up() {
  int n = 0;
  for (int i = 0; i < limit; ++i)
    n++;
  return n;
}

int main() {
  std::future<int> f = std::async(std::launch::async, count_up);
  limit = 20;
// CHECK: [[@LINE-1]]:9: warning: 'limit' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: :[[@LINE-9]]:23: note: conflicting read in another thread here
  return f.get();
}
