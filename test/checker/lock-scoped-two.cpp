// scoped_lock on two mutexes holds both: each update shares a lock with the
// other thread's (one locks both, the other only the one it needs).
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int from_balance = 100;
int to_balance;
std::mutex from_mutex;
std::mutex to_mutex;

void transfer() {
  std::scoped_lock lock(from_mutex, to_mutex);
  from_balance -= 10;
  to_balance += 10;
}

void audit_from() {
  std::lock_guard<std::mutex> guard(from_mutex);
  from_balance = from_balance + 0;
}

void audit_to() {
  std::lock_guard<std::mutex> guard(to_mutex);
  to_balance = to_balance + 0;
}

int main() {
  std::thread a(transfer);
  std::thread b(audit_from);
  std::thread c(audit_to);
  a.join();
  b.join();
  c.join();
}
