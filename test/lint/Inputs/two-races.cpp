#include <thread>
int hits;
int misses;
void hit() { hits++; }
void miss() { misses += 2; }
int main() {
  std::thread a(hit), b(hit), c(miss), d(miss);
  a.join(); b.join(); c.join(); d.join();
}
