// daemon_race.cpp - a detached ("daemon") thread dies with main.
//
// 'lichang' is detached; 'test' is a normal thread that main joins. main
// returns once 'test' is done, the process exits, and 'lichang' is killed in
// its sleep: "lichang is over" never prints. daemon_fixed.cpp joins both.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <thread>
#include <utility>

// 'lichang' works 1 s, as in the lecture, in both timings: nobody waits for
// it, so it costs nothing, and the wide margin keeps the lesson from depending
// on luck. RACELINT_LECTURE_TIMING=1 makes 'test' take 0.1 s instead of 10 ms.
// (The lecture's own 'test' sleeps 3 s, long enough to let 'lichang' finish.)
static bool lectureTiming() {
  const char *value = std::getenv("RACELINT_LECTURE_TIMING");
  return value && std::strcmp(value, "1") == 0;
}

static void task(const char *name, std::promise<void> started) {
  std::printf("%s is running\n", name);
  // Only the start is announced: main waits for this line, never for the end.
  started.set_value();
  std::this_thread::sleep_for(std::chrono::seconds(1));
  std::printf("%s is over\n", name);
}

static void test(std::chrono::milliseconds work) {
  std::this_thread::sleep_for(work);
  std::printf("test is over\n");
}

int main() {
  std::chrono::milliseconds test_work(lectureTiming() ? 100 : 10);
  std::promise<void> started;
  std::future<void> running = started.get_future();

  std::thread t(task, "lichang", std::move(started));
  t.detach();
  std::thread other(test, test_work);

  running.wait();
  other.join();
  std::printf("main is over\n");
  return 0;
}
