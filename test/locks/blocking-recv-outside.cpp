// Twin of blocking-recv.cpp: recv first, then the lock for the update only.
// RUN: %racelint %s -- -std=c++17 -pthread | count 0

#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

std::mutex clients_mutex;
long bytes_received;

void serve(int fd) {
  char buffer[256];
  ssize_t n = recv(fd, buffer, sizeof buffer, 0);
  if (n > 0) {
    std::lock_guard<std::mutex> lock(clients_mutex);
    bytes_received += n;
  }
  close(fd);
}

int main() {
  std::vector<std::thread> handlers;
  for (int fd = 3; fd < 8; ++fd)
    handlers.emplace_back(serve, fd);
  for (std::thread &t : handlers)
    t.join();
}
