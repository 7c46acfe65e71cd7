// gil_race.cpp - a GIL-like global lock does not protect your data.
//
// Every thread holds 'interpreter_lock' whenever it touches 'money', but lets
// it go around the sleep, as CPython releases the GIL at a blocking call. The
// read and the write are each locked, yet the update is still lost in between.
// gil_fixed.cpp holds the lock over the whole update.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

// RACELINT_LECTURE_TIMING=1 uses the lecture's 0.1 s pause; the default keeps
// the run short while still leaving a window for the threads to overlap.
static bool lectureTiming() {
  const char *value = std::getenv("RACELINT_LECTURE_TIMING");
  return value && std::strcmp(value, "1") == 0;
}

static const std::chrono::milliseconds pause_time(lectureTiming() ? 100 : 1);
static const int thread_count = 100;

// Stands for CPython's GIL: one lock for the whole "interpreter".
std::mutex interpreter_lock;
int money = 100;

static void task() {
  std::unique_lock<std::mutex> gil(interpreter_lock);
  int tmp = money;
  // A blocking call releases the GIL so other threads can run meanwhile.
  gil.unlock();
  std::this_thread::sleep_for(pause_time);
  gil.lock();
  money = tmp - 1;
}

int main() {
  std::vector<std::thread> threads;
  for (int i = 0; i < thread_count; ++i)
    threads.emplace_back(task);
  for (std::thread &t : threads)
    t.join();
  std::printf("money = %d\n", money);
  return 0;
}
