// A member-function entry started twice on the same object: 'this' is shared.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

struct Acct {
  int balance = 0;
  void deposit() {
    balance += 10;
// CHECK: [[@LINE-1]]:13: warning: '{{.*}}balance' is read, modified and written back without a lock; concurrent threads lose updates [unsynchronized-rmw]
  }
};

int main() {
  Acct acct;
  std::thread a(&Acct::deposit, &acct);
  std::thread b(&Acct::deposit, &acct);
  a.join();
  b.join();
}
