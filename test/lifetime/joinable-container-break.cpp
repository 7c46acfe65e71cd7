// Twin of joinable-container-joined.cpp: a break leaves the join loop
// early, so the rest of the pool is destroyed joinable.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>
#include <vector>

void work(int) noexcept {}

void run_all(int limit) {
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back(work, i);
// CHECK: :[[@LINE-1]]:5: warning: threads added to 'pool' may be destroyed while still joinable, which calls std::terminate [joinable-thread-destroyed]
// CHECK: :[[@LINE+6]]:1: note: 'pool' still holds joinable threads at the end of its scope here
  for (std::size_t i = 0; i < pool.size(); ++i) {
    if (int(i) == limit)
      break;
    pool[i].join();
  }
}

int main() { run_all(4); }
