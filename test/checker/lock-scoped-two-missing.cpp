// Twin of lock-scoped-two.cpp: the updates under the scoped_lock are fine;
// the counter updated after its scope ends is not locked.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int from_balance = 100;
int to_balance;
int transfers;
std::mutex from_mutex;
std::mutex to_mutex;

void transfer() {
  {
    std::scoped_lock lock(from_mutex, to_mutex);
    from_balance -= 10;
    to_balance += 10;
  }
  transfers++;
// CHECK: [[@LINE-1]]:12: warning: 'transfers' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
}

int main() {
  std::thread a(transfer);
  std::thread b(transfer);
  a.join();
  b.join();
}
