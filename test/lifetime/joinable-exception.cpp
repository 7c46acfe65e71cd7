// A call that may throw between construction and join.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <thread>

void work() noexcept {}
int parse(const char *text);

int run(const char *text) {
  std::thread t(work);
// CHECK: :[[@LINE-1]]:15: warning: the thread started in 't' may be destroyed while still joinable, which calls std::terminate [joinable-thread-destroyed]
// CHECK: fix-it: use std::jthread, which joins in its destructor
// CHECK-NEXT: :[[@LINE-3]]:8: replace 6 byte(s) with "jthread"
// CHECK: :[[@LINE+1]]:15: note: if 'parse' throws here, 't' is destroyed while still joinable
  int value = parse(text);
  t.join();
  return value;
}

int parse(const char *text) {
  if (!text)
    throw 1;
  return 0;
}

int main() { return run("1"); }
