// tcp_client.cpp - drives a tcp_server sample with N concurrent connections.
//
// Opens all N connections to 127.0.0.1:PORT before sending anything, so the
// server has N client threads alive at once, then sends each a request and
// collects the numbers the server gives back. A correct server numbers its
// clients 1..N: any repeat or gap is a lost update in its counter.
//
// Usage: tcp_client_cpp PORT N     (exit status 0 when the count is right)

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

// Connects to 127.0.0.1:port; -1 on failure. Replies are waited for at most
// 5 s, so a server that stops answering cannot hang the client.
static int connectTo(int port) {
  int conn = socket(AF_INET, SOCK_STREAM, 0);
  if (conn < 0)
    return -1;
  timeval timeout{5, 0};
  setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<uint16_t>(port));
  auto *name = reinterpret_cast<sockaddr *>(&address);
  if (connect(conn, name, sizeof(address)) != 0) {
    close(conn);
    return -1;
  }
  return conn;
}

// Reads the server's reply "client K" until the server closes; 0 on failure.
static int readNumber(int conn) {
  std::string reply;
  char buffer[64];
  ssize_t got;
  while ((got = recv(conn, buffer, sizeof(buffer), 0)) > 0)
    reply.append(buffer, static_cast<size_t>(got));
  int number = 0;
  if (std::sscanf(reply.c_str(), "client %d", &number) != 1)
    return 0;
  return number;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s PORT N\n", argv[0]);
    return 2;
  }
  int port = std::atoi(argv[1]);
  int count = std::atoi(argv[2]);
  if (port < 1 || port > 65535 || count < 1) {
    std::fprintf(stderr, "%s: bad PORT or N\n", argv[0]);
    return 2;
  }
  // Whatever happens, the client ends within 10 s.
  alarm(10);

  std::vector<int> conns;
  for (int i = 0; i < count; ++i) {
    int conn = connectTo(port);
    if (conn < 0) {
      std::perror("tcp_client: connect to 127.0.0.1");
      return 1;
    }
    conns.push_back(conn);
  }
  static const char request[] = "hello\n";
  for (int conn : conns)
    send(conn, request, sizeof(request) - 1, MSG_NOSIGNAL);

  std::vector<int> numbers;
  for (int conn : conns) {
    numbers.push_back(readNumber(conn));
    close(conn);
  }

  std::set<int> distinct(numbers.begin(), numbers.end());
  int highest = *std::max_element(numbers.begin(), numbers.end());
  bool ok = distinct.size() == numbers.size() && highest == count &&
            distinct.count(0) == 0;
  std::printf("%d connections; the server numbered them with %zu distinct "
              "numbers, the highest %d\n",
              count, distinct.size(), highest);
  std::printf("count %s\n", ok ? "ok" : "wrong");
  return ok ? 0 : 1;
}
