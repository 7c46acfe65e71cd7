// std::scoped_lock and std::lock take both mutexes together, in any order.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

std::mutex accounts_mutex;
std::mutex audit_mutex;
int balance;
int audited;

void transfer() {
  std::scoped_lock both(accounts_mutex, audit_mutex);
  balance++;
  audited++;
}

void audit() {
  std::scoped_lock both(audit_mutex, accounts_mutex);
  audited = balance;
}

void reconcile() {
  std::lock(audit_mutex, accounts_mutex);
  std::lock_guard<std::mutex> a(audit_mutex, std::adopt_lock);
  std::lock_guard<std::mutex> b(accounts_mutex, std::adopt_lock);
  audited = balance;
}

int main() {
  std::thread a(transfer);
  std::thread b(audit);
  std::thread c(reconcile);
  a.join();
  b.join();
  c.join();
}
