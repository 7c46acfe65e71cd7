#include <thread>
int a, b, c, d, e, f, g, h;
void work() {
  a++; // racelint: ignore
  // racelint: ignore[unsynchronized-rmw]
  b++;
  c++; // racelint: ignore[data-race] (names another rule: not suppressed)
  d++; // NOLINT(racelint-unsynchronized-rmw)
  // NOLINTNEXTLINE(bugprone-foo, racelint-*)
  e++;
  f++; // NOLINT(bugprone-foo) (clang-tidy's, not racelint's)
  // racelint: ignore

  g++; // (two lines below the comment: not suppressed)
  h++; /* racelint: ignore[racelint-unsynchronized-rmw, data-race] */
}
int unused_one; // racelint: ignore[split-critical-section]
// NOLINTNEXTLINE(racelint-data-race)
int unused_two;
int main() { std::thread t1(work), t2(work); t1.join(); t2.join(); }
