// Twin of joinable-exception.cpp: the throwing call is inside a try whose
// handler joins before rethrowing.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>

void work() noexcept {}
int parse(const char *text);

int run(const char *text) {
  std::thread t(work);
  int value = 0;
  try {
    value = parse(text);
  } catch (...) {
    t.join();
    throw;
  }
  t.join();
  return value;
}

int parse(const char *text) {
  if (!text)
    throw 1;
  return 0;
}

int main() { return run("1"); }
