// const and constexpr globals and locals never handed to a thread are not
// shared; only reads of them and writes of locals happen here.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

const int limit = 10;
constexpr int step = 2;
static const char *const names[] = {"a", "b"};

int work() {
  int total = 0;
  for (int i = 0; i < limit; i += step)
    total += i;
  total += names[0][0];
  return total;
}

int main() {
  int local = 0;
  std::thread a(work);
  std::thread b(work);
  local++;
  a.join();
  b.join();
  return local;
}
