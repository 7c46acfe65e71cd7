// Twin of daemon-endless.cpp: the endless thread appends to a global
// std::string, which exit destroys while the thread may still use it.
// RUN: not %racelint %s -- -std=c++20 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <chrono>
#include <string>
#include <thread>

std::string journal;

void heartbeat() {
  while (true) {
    journal += "beat\n";
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

int main() {
  std::thread(heartbeat).detach();
// CHECK: :[[@LINE-1]]:26: warning: the thread running 'heartbeat' is detached and may still be running when 'main' returns; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-10]]:6: note: the detached thread runs 'heartbeat', which never returns
// CHECK: :[[@LINE+2]]:1: note: 'main' ends here while the thread may still run
// CHECK: :[[@LINE-10]]:5: note: 'journal' (std::string) is destroyed at exit while the thread may still use it
}
