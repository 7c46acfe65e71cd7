// Twin of recursion.cpp: the thread body holds the lock over the whole
// recursive walk.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <thread>

int nodes_seen;
std::mutex walk_mutex;

static void visit_odd(int depth);

static void visit(int depth) {
  if (depth == 0)
    return;
  nodes_seen++;
  visit(depth - 1);
  visit_odd(depth - 1);
}

static void visit_odd(int depth) {
  if (depth > 0)
    visit(depth - 1);
}

void walk() {
  std::lock_guard<std::mutex> guard(walk_mutex);
  visit(10);
}

int main() {
  std::thread a(walk);
  std::thread b(walk);
  a.join();
  b.join();
}
