// Twin of loop-join-each-iteration.cpp: threads started in a loop and joined
// after it, joined only on some iterations, or detached, overlap.
// RUN: not %racelint-races %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>
#include <vector>

int after_loop, sometimes, detached;

void count_after_loop() { after_loop++; }
// CHECK: [[@LINE-1]]:37: warning: 'after_loop' is incremented without a lock
// CHECK: [[@LINE+11]]:5: note: several threads run 'count_after_loop' at once, started here in a loop
void count_sometimes() { sometimes++; }
// CHECK: [[@LINE-1]]:35: warning: 'sometimes' is incremented without a lock
// CHECK: [[@LINE+14]]:17: note: several threads run 'count_sometimes' at once, started here in a loop
void count_detached() { detached++; }
// CHECK: [[@LINE-1]]:33: warning: 'detached' is incremented without a lock
// CHECK: [[@LINE+21]]:5: note: several threads run 'count_detached' at once, started here in a loop

int main(int argc, char **) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back(count_after_loop);
  for (std::thread &t : threads)
    t.join();

  std::vector<std::thread> kept;
  for (int i = 0; i < 4; ++i) {
    std::thread t(count_sometimes);
    if (argc > 1)
      t.join();
    else
      kept.push_back(std::move(t));
  }
  for (std::thread &t : kept)
    t.join();

  for (int i = 0; i < 4; ++i)
    std::thread(count_detached).detach();
}
