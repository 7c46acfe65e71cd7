// Twin of order-three-cycle.cpp: A -> B, B -> C and A -> C is an order,
// not a cycle.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex a_mutex, b_mutex, c_mutex;
int a_value, b_value, c_value;

void take_b() {
  std::lock_guard<std::mutex> lock(b_mutex);
  b_value++;
}

void take_c() {
  std::lock_guard<std::mutex> lock(c_mutex);
  c_value++;
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
  std::lock_guard<std::mutex> lock(a_mutex);
  take_c();
}

int main() {
  std::thread t1(first);
  std::thread t2(second);
  std::thread t3(third);
  t1.join();
  t2.join();
  t3.join();
}
