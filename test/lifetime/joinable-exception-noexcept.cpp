// Twin of joinable-exception.cpp: the call in between is noexcept.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <thread>

void work() noexcept {}
int parse(const char *text) noexcept;

int run(const char *text) {
  std::thread t(work);
  int value = parse(text);
  t.join();
  return value;
}

int parse(const char *text) noexcept { return text ? 1 : 0; }

int main() { return run("1"); }
