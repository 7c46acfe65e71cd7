// Twin of order-two-threads.cpp: both threads take the mutexes in one order.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex accounts_mutex;
std::mutex audit_mutex;
int balance;
int audited;

void transfer() {
  std::lock_guard<std::mutex> first(accounts_mutex);
  std::lock_guard<std::mutex> second(audit_mutex);
  balance++;
  audited++;
}

void audit() {
  std::lock_guard<std::mutex> first(accounts_mutex);
  std::lock_guard<std::mutex> second(audit_mutex);
  audited = balance;
}

int main() {
  std::thread a(transfer);
  std::thread b(audit);
  a.join();
  b.join();
}
