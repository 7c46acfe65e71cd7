// A correctly locked program (the money example with a lock_guard over the
// read and the write): nothing printed, exit status 0.
// RUN: %racelint %s -- -std=c++17 -pthread 2>&1 | count 0

#include <mutex>
#include <thread>
#include <vector>

static int Money = 100;
static std::mutex MoneyLock;

static void spend() {
  std::lock_guard<std::mutex> Guard(MoneyLock);
  int Tmp = Money;
  Money = Tmp - 1;
}

int main() {
  std::vector<std::thread> Threads;
  for (int I = 0; I < 100; ++I)
    Threads.emplace_back(spend);
  for (std::thread &T : Threads)
    T.join();
  return Money;
}
