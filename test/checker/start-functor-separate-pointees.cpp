// Twin of start-functor-shared-pointee.cpp: two functors whose pointers lead
// to two different accounts; each thread's copy updates its own.
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

int main() {
  Account first, second;
  Depositor to_first{&first}, to_second{&second};
  std::thread a(to_first), b(to_second);
  a.join();
  b.join();
  return int(first.balance + second.balance);
}
