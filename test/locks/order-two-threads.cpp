// Two threads take the same two mutexes in opposite orders: a potential
// deadlock, reported once, with std::scoped_lock as the fix.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex accounts_mutex;
std::mutex audit_mutex;
int balance;
int audited;

void transfer() {
  std::lock_guard<std::mutex> first(accounts_mutex);
  std::lock_guard<std::mutex> second(audit_mutex);
  // CHECK: [[@LINE-1]]:31: warning: 'audit_mutex' is locked while 'accounts_mutex' is held, and elsewhere 'accounts_mutex' is locked while 'audit_mutex' is held; threads taking both orders can deadlock [lock-order-inversion]
  // CHECK: fix-it: take both locks at once with std::scoped_lock, which cannot deadlock on their order
  // CHECK-NEXT: :[[@LINE-4]]:3: replace 50 byte(s) with "std::scoped_lock first(accounts_mutex, audit_mutex);"
  // CHECK-NEXT: :[[@LINE-4]]:1: replace 51 byte(s) with ""
  // CHECK: :[[@LINE-6]]:31: note: 'accounts_mutex' is locked here
  // CHECK: :[[@LINE+15]]:15: note: a thread running 'transfer' is started here
  balance++;
  audited++;
}

void audit() {
  std::lock_guard<std::mutex> first(audit_mutex);
  // CHECK: :[[@LINE-1]]:31: note: 'audit_mutex' is locked here
  std::lock_guard<std::mutex> second(accounts_mutex);
  // CHECK: :[[@LINE-1]]:31: note: then 'accounts_mutex' is locked here while 'audit_mutex' is held
  // CHECK: :[[@LINE+6]]:15: note: a thread running 'audit' is started here
  audited = balance;
}

int main() {
  std::thread a(transfer);
  std::thread b(audit);
  a.join();
  b.join();
}
