// gil_fixed.cpp - one critical section over the whole update.
//
// The same threads and global lock as gil_race.cpp, but each thread keeps
// 'interpreter_lock' from the read to the write, sleep included, so no update
// is lost and the balance ends at 0. What protects data is a lock held over
// the whole update, not a lock that is merely held at each access.

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

// Stands for CPython's GIL: one lock for the whole "interpreter".
std::mutex interpreter_lock;
int money = 100;

static void task() {
  std::lock_guard<std::mutex> gil(interpreter_lock);
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
