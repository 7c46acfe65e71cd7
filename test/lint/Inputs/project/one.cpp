#include "shared.h"
int one_count;
void one_work() { one_count++; }
int main() {
  run_shared();
  std::thread a(one_work), b(one_work);
  a.join();
  b.join();
}
