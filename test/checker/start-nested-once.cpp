// Twin of start-nested.cpp: the outer body runs in one thread only, so the
// inner body runs once at a time.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

int chunks;

static void inner() { chunks++; }

static void outer() {
  std::thread t(inner);
  t.join();
  chunks = chunks * 2;
}

int main() {
  std::thread a(outer);
  a.join();
  return chunks;
}
