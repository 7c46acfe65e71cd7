// A thread started in a loop and joined before the next iteration runs one
// instance at a time: no race between the instances. Twin of
// loop-join-after-loop.cpp.
// RUN: %racelint-races %s -- -std=c++20 -pthread | count 0

#include <future>
#include <thread>

int by_get, by_join, by_jthread, by_unnamed_future;

void count_get() { by_get++; }
void count_join() { by_join++; }
void count_jthread() { by_jthread++; }
void count_unnamed_future() { by_unnamed_future++; }

int main() {
  for (int i = 0; i < 4; ++i) {
    auto f = std::async(std::launch::async, count_get);
    f.get();
  }
  for (int i = 0; i < 4; ++i) {
    std::thread t(count_join);
    t.join();
  }
  for (int i = 0; i < 4; ++i)
    std::jthread t(count_jthread);
  for (int i = 0; i < 4; ++i)
    std::async(std::launch::async, count_unnamed_future);
}
