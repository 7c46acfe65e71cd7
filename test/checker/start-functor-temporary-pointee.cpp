// A functor made on the spot for each thread (aggregate or constructor) is a
// private copy, but its pointer and reference members lead to the account
// the starter handed it: two threads handed the same account race on it,
// one handed another account does not.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

struct Account {
  long balance = 0;
  long audits = 0;
};

struct Depositor {
  Account *account;
  void operator()() { account->balance += 10; }
};
// CHECK: [[@LINE-2]]:40: warning: 'shared.balance' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]

struct Auditor {
  explicit Auditor(Account &ledger) : ledger(ledger) {}
  Account &ledger;
  void operator()() { ledger.audits++; }
};
// CHECK: [[@LINE-2]]:36: warning: 'shared.audits' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]

int main() {
  Account shared, other;
  std::thread a(Depositor{&shared}), b(Depositor{&shared});
  std::thread c{Auditor(shared)}, d{Auditor(shared)}, e{Auditor(other)};
  a.join();
  b.join();
  c.join();
  d.join();
  e.join();
}
