// Twin of start-functor-temporary-pointee.cpp: every functor made on the spot
// is handed its own account, so no two threads share one.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

struct Account {
  long balance = 0;
};

struct Depositor {
  Account *account;
  int deposits = 0;
  void operator()() {
    deposits++;
    account->balance += 10;
  }
};

struct Auditor {
  explicit Auditor(Account &ledger) : ledger(ledger) {}
  Account &ledger;
  void operator()() { ledger.balance -= 1; }
};

int main() {
  Account first, second, third;
  std::thread a(Depositor{&first}), b(Depositor{&second});
  std::thread c{Auditor(third)};
  a.join();
  b.join();
  c.join();
}
