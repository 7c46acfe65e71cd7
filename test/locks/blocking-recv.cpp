// A TCP server handler holds the clients' lock across recv: one slow client
// stalls every other handler.
// RUN: %racelint %s -- -std=c++17 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

std::mutex clients_mutex;
int bytes_received;

void serve(int fd) {
  char buffer[256];
  std::lock_guard<std::mutex> lock(clients_mutex);
  ssize_t n = recv(fd, buffer, sizeof buffer, 0);
  // CHECK: [[@LINE-1]]:15: note: 'clients_mutex' is held across 'recv': the threads that lock 'clients_mutex' take turns waiting for I/O; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
  // CHECK: :[[@LINE-3]]:31: note: 'clients_mutex' is locked here
  // CHECK: :[[@LINE+17]]:5: note: several threads run 'serve' at once, started here in a loop
  if (n > 0)
    bytes_received += n;
  close(fd);
}

int main() {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
  listen(listener, 8);
  std::vector<std::thread> handlers;
  while (true) {
    int client = accept(listener, nullptr, nullptr);
    if (client < 0)
      break;
    handlers.emplace_back(serve, client);
  }
  for (std::thread &t : handlers)
    t.join();
}
