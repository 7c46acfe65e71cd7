#include "shared.h"
int two_count;
void two_work() { two_count += 2; }
void two() {
  run_shared();
  std::thread a(two_work), b(two_work);
  a.join();
  b.join();
}
