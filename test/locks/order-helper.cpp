// Interprocedural: each thread holds one lock and calls a helper that takes
// the other.
// RUN: not %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <thread>

std::mutex cache_mutex;
std::mutex disk_mutex;
int cached, written;

void write_disk() {
  std::lock_guard<std::mutex> lock(disk_mutex);
  // CHECK: [[@LINE-1]]:31: warning: 'disk_mutex' is locked while 'cache_mutex' is held, and elsewhere 'cache_mutex' is locked while 'disk_mutex' is held; threads taking both orders can deadlock [lock-order-inversion]
  // CHECK: :[[@LINE+14]]:31: note: 'cache_mutex' is locked here
  // CHECK: :[[@LINE+23]]:15: note: a thread running 'flush' is started here
  // CHECK: :[[@LINE+17]]:31: note: 'disk_mutex' is locked here
  // CHECK: :[[@LINE+6]]:31: note: then 'cache_mutex' is locked here while 'disk_mutex' is held
  // CHECK: :[[@LINE+21]]:15: note: a thread running 'compact' is started here
  written = cached;
}

void read_cache() {
  std::lock_guard<std::mutex> lock(cache_mutex);
  cached++;
}

void flush() {
  std::lock_guard<std::mutex> lock(cache_mutex);
  write_disk();
}

void compact() {
  std::lock_guard<std::mutex> lock(disk_mutex);
  read_cache();
}

int main() {
  std::thread a(flush);
  std::thread b(compact);
  a.join();
  b.join();
}
