// daemon_fixed.cpp - the daemon thread joined, so its work completes.
//
// The same two threads as daemon_race.cpp, but main joins 'lichang' instead of
// detaching it, so main returns only after both have printed "is over".

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>

// RACELINT_LECTURE_TIMING=1 uses the lecture's 1 s of work for 'lichang' and
// 0.1 s for 'test'; the default keeps the run short.
static bool lectureTiming() {
  const char *value = std::getenv("RACELINT_LECTURE_TIMING");
  return value && std::strcmp(value, "1") == 0;
}

static void task(const char *name, std::chrono::milliseconds work) {
  std::printf("%s is running\n", name);
  std::this_thread::sleep_for(work);
  std::printf("%s is over\n", name);
}

static void test(std::chrono::milliseconds work) {
  std::this_thread::sleep_for(work);
  std::printf("test is over\n");
}

int main() {
  std::chrono::milliseconds task_work(lectureTiming() ? 1000 : 100);
  std::chrono::milliseconds test_work(lectureTiming() ? 100 : 10);

  std::thread t(task, "lichang", task_work);
  std::thread other(test, test_work);

  other.join();
  t.join();
  std::printf("main is over\n");
  return 0;
}
