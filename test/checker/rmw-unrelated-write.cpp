// Twin of rmw-split-locals.cpp: the value written does not come from the read
// of the same location, so a plain write/write pair with no update is not a
// lost update; the writes are still a data race between the instances.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int stock = 50;
int last_seen;

void restock(int n) {
  int before = last_seen;
  stock = before + n;
// CHECK: [[@LINE-1]]:9: warning: 'stock' is written while another thread may write it, with no lock held in common [data-race]
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(restock, i);
  for (std::thread &t : threads)
    t.join();
}
