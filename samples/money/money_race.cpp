// money_race.cpp - the lecture's lost update, with std::thread.
//
// 100 threads each read 'money', pause, and write back one less. With no lock
// every thread may read the same old value, so updates are lost and the final
// balance is usually well above 0. money_locked.cpp is the fixed twin.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
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

int money = 100;

static void task() {
  int tmp = money;
  std::this_thread::sleep_for(pause_time);
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
