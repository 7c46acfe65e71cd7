// A function's static counter has no locked fix (a new mutex would need a
// home outside the function), so the atomic one is its only fix-it. A static
// in a template has one variable per instantiation: no fix.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s -DFILE=%s --implicit-check-not=fix-it

#include <thread>

int work() {
  static int calls = 0;
  ++calls;
  return calls;
}
// CHECK:      [[FILE]]:[[@LINE-3]]:3: warning: 'calls' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK:        fix-it: make 'calls' a std::atomic<int>: each update becomes one atomic read-modify-write
// CHECK-NEXT:     [[FILE]]:6:1: insert "#include <atomic>\n"
// CHECK-NEXT:     [[FILE]]:[[@LINE-7]]:10: replace 3 byte(s) with "std::atomic<int>"
// CHECK-NEXT:     [[FILE]]:[[@LINE-6]]:15: insert ".load()"

template <class T> void count_in_template() {
  static T template_calls;
  ++template_calls;
}
// CHECK: [[FILE]]:[[@LINE-2]]:3: warning: 'template_calls' is incremented without a lock

int main() {
  std::thread a(work), b(work), c(count_in_template<int>),
      d(count_in_template<int>);
  a.join();
  b.join();
  c.join();
  d.join();
}
