// Twin of split-getter-setter.cpp: one critical section over the check and
// the update; the getter and setter are still used, for unrelated values.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int seats = 10;
int requests;
std::mutex seats_mutex;

int get_requests() {
  std::lock_guard<std::mutex> guard(seats_mutex);
  return requests;
}

void set_seats(int n) {
  std::lock_guard<std::mutex> guard(seats_mutex);
  seats = n;
}

bool book() {
  std::lock_guard<std::mutex> guard(seats_mutex);
  if (seats == 0)
    return false;
  seats--;
  return true;
}

void reset() {
  int r = get_requests();
  set_seats(r);
}

int main() {
  std::thread a(book);
  std::thread b(book);
  std::thread c(reset);
  a.join();
  b.join();
  c.join();
}
