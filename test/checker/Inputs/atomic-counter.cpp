#include <cstdio>
#include <thread>

static int hits = 0;
static long total;

void work() {
  for (int i = 0; i < 1000; ++i) {
    ++hits;
    total += i;
  }
}

int main() {
  std::thread a(work), b(work);
  a.join();
  b.join();
  std::printf("%d %ld\n", hits, total);
  return hits == 2000 ? 0 : 1;
}
