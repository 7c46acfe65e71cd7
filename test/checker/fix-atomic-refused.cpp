// No atomic alternative where a use of the variable would not compile, or
// would change meaning, on a std::atomic; the locked fix is still offered
// where it is safe.
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="fix-it (alternative)"

#include <cstdio>
#include <thread>

#define SHOW(v) std::printf("%d\n", v)

extern int declared;
int declared;
static int address_taken;
static int bound;
static int multiplied;
static int fractional;
static int recomputed;
static int split_elsewhere;
static int macro_read;
static int bound_result;
static int doubled;
// One type specifier for two variables: changing it changes both.
static int one, two;
static bool flag_count;
static auto deduced = 0;
static volatile int volatile_count;
static unsigned __int128 wide;

void peek(int *) {}

void work() {
  ++declared;
  // CHECK: warning: 'declared' is incremented without a lock
  ++address_taken;
  // CHECK: warning: 'address_taken' is incremented without a lock
  ++bound;
  // CHECK: warning: 'bound' is incremented without a lock
  multiplied *= 2;
  // CHECK: warning: 'multiplied' is read, modified and written back
  fractional += 0.5;
  // CHECK: warning: 'fractional' is read, modified and written back
  recomputed += 1;
  // CHECK: warning: 'recomputed' is read, modified and written back
  split_elsewhere++;
  // CHECK: warning: 'split_elsewhere' is incremented without a lock
  macro_read++;
  // CHECK: warning: 'macro_read' is incremented without a lock
  int &r = ++bound_result;
  // CHECK: warning: 'bound_result' is incremented without a lock
  (void)r;
  ++one;
  // CHECK: warning: 'one' is incremented without a lock
  ++two;
  // CHECK: warning: 'two' is incremented without a lock
  ++volatile_count;
  // CHECK: warning: 'volatile_count' is incremented without a lock
  ++wide;
  // CHECK: warning: 'wide' is incremented without a lock
  doubled += doubled;
  // CHECK: warning: 'doubled' is read, modified and written back
  flag_count |= true;
  // CHECK: warning: 'flag_count' is read, modified and written back
  ++deduced;
  // CHECK: warning: 'deduced' is incremented without a lock
}

void other_uses() {
  peek(&address_taken);
  const int &alias = bound;
  (void)alias;
  recomputed = recomputed + 1;
  int tmp = split_elsewhere;
  split_elsewhere = tmp + 1;
  SHOW(macro_read);
}
// CHECK: warning: 'recomputed' is updated from a value read
// CHECK: warning: 'split_elsewhere' is updated from a value read

int main() {
  std::thread a(work), b(work), c(other_uses);
  a.join();
  b.join();
  c.join();
}
