// Twin of lambda-this-capture.cpp: each object starts its own single thread.
// RUN: %racelint-races %s -- -std=c++17 -pthread | count 0

#include <thread>

struct Meter {
  int readings = 0;
  std::thread start() {
    return std::thread([this] { readings++; });
  }
};

int main() {
  Meter first;
  Meter second;
  std::thread a = first.start();
  std::thread b = second.start();
  a.join();
  b.join();
}
