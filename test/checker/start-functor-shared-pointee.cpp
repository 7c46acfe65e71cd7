// Twin of start-functor-own-state.cpp: each thread gets its own copy of the
// functor, but the copies' pointer and reference members still lead to the
// same account, so its updates race; the copies' own counters do not.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

struct Account {
  long balance = 0;
  long audits = 0;
};

struct Depositor {
  Account *account;
  Account &ledger;
  int deposits = 0;
  void record() { ledger.audits++; }
// CHECK: [[@LINE-1]]:32: warning: 'depositor.ledger.audits' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  void operator()() {
    deposits++;
    account->balance += 10;
// CHECK: [[@LINE-1]]:22: warning: 'depositor.account->balance' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
    record();
  }
};

int main() {
  Account shared;
  Depositor depositor{&shared, shared};
  std::thread a(depositor), b(depositor);
  a.join();
  b.join();
  return int(shared.balance);
}
