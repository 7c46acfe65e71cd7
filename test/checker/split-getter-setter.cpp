// Check-then-act through a locked getter and a locked setter: the value read
// under the lock flows through the return value and the argument into the
// write, but the lock is released in between.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <mutex>
#include <thread>

int seats = 10;
std::mutex seats_mutex;

int get_seats() {
  std::lock_guard<std::mutex> guard(seats_mutex);
  return seats;
}

void set_seats(int n) {
  std::lock_guard<std::mutex> guard(seats_mutex);
  seats = n;
// CHECK: [[@LINE-1]]:9: warning: 'seats' is written under 'seats_mutex', but the lock was released after 'seats' was read at line [[@LINE-6]]; an update made in between is lost [split-critical-section]
// CHECK: note: 'seats_mutex' is released here
}

void book() {
  int n = get_seats();
  if (n > 0)
    set_seats(n - 1);
}

int main() {
  std::thread a(book);
  std::thread b(book);
  a.join();
  b.join();
}
