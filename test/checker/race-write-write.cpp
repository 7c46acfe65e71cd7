// Two bodies each store a constant: a write/write data race, reported once
// for the pair (not once from each side).
// RUN: not %racelint-races %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not=warning:

#include <thread>

int mode;

void use_fast() { mode = 1; }

void use_safe() { mode = 2; }

// CHECK: warning: 'mode' is written while another thread may write it, with no lock held in common [data-race]
// CHECK: note: conflicting write in another thread here

int main() {
  std::thread a(use_fast);
  std::thread b(use_safe);
  a.join();
  b.join();
}
