// money_locked.cpp - the lecture's fix for the lost update: a mutex.
//
// The same 100 threads as money_race.cpp, but each holds 'mutex' from the read
// to the write, so every update sees the one before it and the balance ends at
// 0. Holding it across the pause makes the threads run one after another.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

// RACELINT_LECTURE_TIMING=1 uses the lecture's 0.1 s pause (10 s in all, since
// the lock makes the threads serial); the default keeps the run short.
static bool lectureTiming() {
  const char *value = std::getenv("RACELINT_LECTURE_TIMING");
  return value && std::strcmp(value, "1") == 0;
}

static const std::chrono::milliseconds pause_time(lectureTiming() ? 100 : 1);
static const int thread_count = 100;

int money = 100;
std::mutex mutex;

static void task() {
  std::lock_guard<std::mutex> lock(mutex);
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
