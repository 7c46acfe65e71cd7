// tcp_server_race.cpp - a thread per client, and a counter they race on.
//
// The lecture's concurrent TCP server: main only accepts, and each connection
// is served by its own thread. Every client thread bumps 'served_clients'
// without a lock, so two clients can be given the same number and the total
// can come out short. tcp_server_fixed.cpp guards the counter with a mutex.
//
// Usage: tcp_server_race_cpp [--clients N] [--port-file FILE]
// Listens on 127.0.0.1 on a port the kernel picks, prints it, serves N clients
// (default 10), then prints "served K clients" with its counter and exits.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

int served_clients = 0;

// Reads the client's one-line request, counts the client, and replies with
// its number ("client 3").
static void serveClient(int conn) {
  char request[256];
  size_t length = 0;
  while (length < sizeof(request) &&
         std::memchr(request, '\n', length) == nullptr) {
    ssize_t got = recv(conn, request + length, sizeof(request) - length, 0);
    if (got <= 0)
      break;
    length += static_cast<size_t>(got);
  }

  int number = ++served_clients;

  std::string reply = "client " + std::to_string(number) + "\n";
  send(conn, reply.data(), reply.size(), MSG_NOSIGNAL);
  close(conn);
}

// Listens on 127.0.0.1 on a port the kernel picks (port 0) and stores that
// port in *port; -1 on failure, with errno set.
static int listenOnLoopback(int *port) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  if (listener < 0)
    return -1;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  auto *name = reinterpret_cast<sockaddr *>(&address);
  socklen_t length = sizeof(address);
  if (bind(listener, name, length) != 0 || listen(listener, SOMAXCONN) != 0 ||
      getsockname(listener, name, &length) != 0) {
    int error = errno; // close() must not hide why listening failed
    close(listener);
    errno = error;
    return -1;
  }
  *port = ntohs(address.sin_port);
  return listener;
}

static bool writePortFile(const char *path, int port) {
  // Written under a temporary name and renamed, so a reader never sees half.
  std::string temporary = std::string(path) + ".tmp";
  FILE *file = std::fopen(temporary.c_str(), "w");
  if (!file)
    return false;
  std::fprintf(file, "%d\n", port);
  if (std::fclose(file) != 0)
    return false;
  return std::rename(temporary.c_str(), path) == 0;
}

int main(int argc, char **argv) {
  int clients = 10;
  const char *port_file = nullptr;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--clients") == 0 && i + 1 < argc) {
      clients = std::atoi(argv[++i]);
      continue;
    }
    if (std::strcmp(argv[i], "--port-file") == 0 && i + 1 < argc) {
      port_file = argv[++i];
      continue;
    }
    std::fprintf(stderr, "usage: %s [--clients N] [--port-file FILE]\n",
                 argv[0]);
    return 2;
  }
  if (clients < 1) {
    std::fprintf(stderr, "%s: --clients must be at least 1\n", argv[0]);
    return 2;
  }

  // A client that never comes must not leave the server hanging: SIGALRM's
  // default action ends the process.
  alarm(10);

  int port = 0;
  int listener = listenOnLoopback(&port);
  if (listener < 0) {
    std::perror("tcp_server_race: listen on 127.0.0.1");
    return 1;
  }
  if (port_file && !writePortFile(port_file, port)) {
    std::perror("tcp_server_race: write the port file");
    return 1;
  }
  std::printf("listening on 127.0.0.1 port %d\n", port);
  std::fflush(stdout);

  std::vector<std::thread> threads;
  while (static_cast<int>(threads.size()) < clients) {
    int conn = accept(listener, nullptr, nullptr);
    if (conn < 0) {
      if (errno == EINTR)
        continue;
      std::perror("tcp_server_race: accept");
      break;
    }
    // A client that connects but never sends is given up on after 5 s.
    timeval timeout{5, 0};
    setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    threads.emplace_back(serveClient, conn);
  }
  for (std::thread &t : threads)
    t.join();
  close(listener);

  std::printf("served %d clients\n", served_clients);
  return static_cast<int>(threads.size()) == clients ? 0 : 1;
}
