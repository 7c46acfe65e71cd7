// Twin of array-own-index.cpp: the index is a shared value, not the thread's
// own, so the array is one location.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int counts[8];
int current_bucket;

static void work(int id) {
  (void)id;
  counts[current_bucket]++;
// CHECK: [[@LINE-1]]:25: warning: 'counts{{.*}}' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back(work, i);
  for (std::thread &t : threads)
    t.join();
}
