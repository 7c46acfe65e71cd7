// Twin of daemon-helper.cpp: the helper hands back a future the thread
// fulfils after its last line, and main waits on it.
// RUN: %racelint %s -- -std=c++20 -pthread | count 0

#include <cstdio>
#include <future>
#include <thread>

void flush_report(std::promise<void> done) {
  std::puts("report flushed");
  done.set_value();
}

std::future<void> start_in_background() {
  std::promise<void> done;
  std::future<void> finished = done.get_future();
  std::thread(flush_report, std::move(done)).detach();
  return finished;
}

int main() {
  std::future<void> finished = start_in_background();
  finished.get();
  std::puts("main is over");
}
