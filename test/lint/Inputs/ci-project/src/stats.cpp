#include <cstdio>
#include <mutex>
#include <thread>
static int samples;
static std::mutex samples_lock;
static void sample() {
  std::lock_guard<std::mutex> guard(samples_lock);
  samples++;
}
void report() {
  std::thread a(sample), b(sample);
  a.join();
  b.join();
  std::printf("%d\n", samples);
}
