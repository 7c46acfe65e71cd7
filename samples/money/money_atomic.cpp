// money_atomic.cpp - the lost update fixed with one atomic step.
//
// When the whole update is "subtract one", std::atomic's fetch_sub does the
// read and the write as one indivisible operation: no lock, the pauses still
// overlap, and the balance ends at 0.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

// RACELINT_LECTURE_TIMING=1 uses the lecture's 0.1 s pause; the default keeps
// the run short.
static bool lectureTiming() {
  const char *value = std::getenv("RACELINT_LECTURE_TIMING");
  return value && std::strcmp(value, "1") == 0;
}

static const std::chrono::milliseconds pause_time(lectureTiming() ? 100 : 1);
static const int thread_count = 100;

std::atomic<int> money(100);

static void task() {
  // The pause stands for the work done before the update; it no longer sits
  // between a read and a write, so it cannot lose anything.
  std::this_thread::sleep_for(pause_time);
  money.fetch_sub(1);
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < thread_count; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
  std::printf("money = %d\n", money.load());
  return 0;
}
