// The bank transfer: one function locks its two accounts in argument order,
// and two threads pass them in opposite orders.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

struct Account {
  std::mutex m;
  int balance = 100;
};

Account alice, bob;

void transfer(Account &from, Account &to, int amount) {
  from.m.lock();
  to.m.lock();
  // CHECK: [[@LINE-1]]:8: warning: 'bob.m' is locked while 'alice.m' is held, and elsewhere 'alice.m' is locked while 'bob.m' is held; threads taking both orders can deadlock [lock-order-inversion]
  // CHECK: :[[@LINE-3]]:10: note: 'alice.m' is locked here
  // CHECK: :[[@LINE+11]]:15: note: a thread running 'transfer' is started here
  // CHECK: :[[@LINE-5]]:10: note: 'bob.m' is locked here
  // CHECK: :[[@LINE-5]]:8: note: then 'alice.m' is locked here while 'bob.m' is held
  // CHECK: :[[@LINE+9]]:15: note: a thread running 'transfer' is started here
  from.balance -= amount;
  to.balance += amount;
  to.m.unlock();
  from.m.unlock();
}

int main() {
  std::thread a(transfer, std::ref(alice), std::ref(bob), 10);
  std::thread b(transfer, std::ref(bob), std::ref(alice), 20);
  a.join();
  b.join();
}
