// No locked fix where it could deadlock or change behaviour: an update that
// already holds a lock (split), one whose read and write are in different
// functions, and one around a call that might take a lock itself.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=fix-it:

#include <mutex>
#include <thread>

std::mutex m;
int a, b, c;

void take() { std::lock_guard<std::mutex> g(m); }

void split() {
  m.lock();
  int tmp = a;
  m.unlock();
  m.lock();
  a = tmp + 1;
  m.unlock();
}
// CHECK: warning: 'a' is written under 'm'

int read_b() { return b; }
void helpers() { int n = read_b(); b = n + 1; }
// CHECK: warning: 'b' is updated from a value read at line [[@LINE-2]]

void around_call() {
  int tmp = c;
  take();
  c = tmp + 1;
}
// CHECK: warning: 'c' is updated from a value read at line [[@LINE-4]]

int main() {
  std::thread t1(split), t2(split), t3(helpers), t4(helpers), t5(around_call),
      t6(around_call);
  t1.join(); t2.join(); t3.join(); t4.join(); t5.join(); t6.join();
}
