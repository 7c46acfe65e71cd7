// Threads pushed into a vector that is never joined.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>
#include <vector>

void work(int) noexcept {}

void run_all() {
  std::vector<std::thread> pool;
  for (int i = 0; i < 4; ++i)
    pool.emplace_back(work, i);
// CHECK: :[[@LINE-1]]:5: warning: threads added to 'pool' may be destroyed while still joinable, which calls std::terminate [joinable-thread-destroyed]
// CHECK: :[[@LINE+1]]:1: note: 'pool' still holds joinable threads at the end of its scope here
}

int main() { run_all(); }
