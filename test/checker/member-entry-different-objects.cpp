// Twin of member-entry-same-object.cpp: each thread gets its own object.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

struct Acct {
  int balance = 0;
  void deposit() { balance += 10; }
};

int main() {
  Acct alice;
  Acct bob;
  std::thread a(&Acct::deposit, &alice);
  std::thread b(&Acct::deposit, &bob);
  a.join();
  b.join();
}
