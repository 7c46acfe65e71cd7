// Three threads, three locks, each pair taken through helpers: A -> B in
// one, B -> C in another, C -> A in the third. Reported once.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex a_mutex, b_mutex, c_mutex;
int a_value, b_value, c_value;

void take_b() {
  std::lock_guard<std::mutex> lock(b_mutex);
  // CHECK: [[@LINE-1]]:31: warning: 'b_mutex' is locked while 'a_mutex' is held, closing the lock-order cycle 'a_mutex' -> 'b_mutex' -> 'c_mutex' -> 'a_mutex'; threads taking these orders can deadlock [lock-order-inversion]
  // CHECK: :[[@LINE+22]]:31: note: 'a_mutex' is locked here
  // CHECK: :[[@LINE+36]]:15: note: a thread running 'first' is started here
  // CHECK: :[[@LINE+25]]:31: note: 'b_mutex' is locked here
  // CHECK: :[[@LINE+9]]:31: note: then 'c_mutex' is locked here while 'b_mutex' is held
  // CHECK: :[[@LINE+34]]:15: note: a thread running 'second' is started here
  // CHECK: :[[@LINE+27]]:31: note: 'c_mutex' is locked here
  // CHECK: :[[@LINE+11]]:31: note: then 'a_mutex' is locked here while 'c_mutex' is held
  // CHECK: :[[@LINE+32]]:15: note: a thread running 'third' is started here
  b_value++;
}

void take_c() {
  std::lock_guard<std::mutex> lock(c_mutex);
  c_value++;
}

void take_a() {
  std::lock_guard<std::mutex> lock(a_mutex);
  a_value++;
}

void first() {
  std::lock_guard<std::mutex> lock(a_mutex);
  take_b();
}

void second() {
  std::lock_guard<std::mutex> lock(b_mutex);
  take_c();
}

void third() {
  std::lock_guard<std::mutex> lock(c_mutex);
  take_a();
}

int main() {
  std::thread t1(first);
  std::thread t2(second);
  std::thread t3(third);
  t1.join();
  t2.join();
  t3.join();
}
