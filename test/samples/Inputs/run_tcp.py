"""Runs a tcp_server sample against tcp_client and prints both outputs.

usage: run_tcp.py SERVER CLIENT N PORT_FILE [--ignore-client-status]

Starts SERVER --clients N --port-file PORT_FILE, reads the port from the
server's first line (a blocking read: the server writes the port file and
flushes that line only once it is listening, so nothing is guessed or slept
on), checks PORT_FILE holds the same port, runs CLIENT PORT N, then waits for
the server. Every wait has a timeout, so a broken sample fails instead of
hanging. Exits non-zero when a process fails; with --ignore-client-status a
client that found the count wrong (the racy server) is not a failure.
"""

import re
import subprocess
import sys
import threading

TIMEOUT_SECONDS = 30


def main(argv):
    args = [a for a in argv[1:] if a != "--ignore-client-status"]
    ignore_client_status = len(args) != len(argv) - 1
    if len(args) != 4:
        sys.exit(__doc__)
    server_path, client_path, count, port_file = args

    server = subprocess.Popen(
        [server_path, "--clients", count, "--port-file", port_file],
        stdout=subprocess.PIPE, text=True)
    # The server ends itself after 10 s (alarm); this is the last resort.
    watchdog = threading.Timer(TIMEOUT_SECONDS, server.kill)
    watchdog.start()
    try:
        first_line = server.stdout.readline()
        print("server: " + first_line, end="")
        match = re.fullmatch(r"listening on 127\.0\.0\.1 port (\d+)\n",
                             first_line)
        if not match:
            server.kill()
            server.wait()
            sys.exit("run_tcp.py: the server did not say where it listens")
        port = match.group(1)
        with open(port_file) as f:
            print("port file matches: "
                  + ("yes" if f.read().strip() == port else "no"))

        client = subprocess.run([client_path, port, count],
                                stdout=subprocess.PIPE, text=True,
                                timeout=TIMEOUT_SECONDS)
        for line in client.stdout.splitlines():
            print("client: " + line)
        print("client exit status: %d" % client.returncode)

        rest, _ = server.communicate(timeout=TIMEOUT_SECONDS)
        for line in rest.splitlines():
            print("server: " + line)
        print("server exit status: %d" % server.returncode)
    finally:
        watchdog.cancel()
        if server.poll() is None:
            server.kill()
            server.wait()

    sys.stdout.flush()
    if server.returncode != 0:
        return 1
    if client.returncode != 0 and not ignore_client_status:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
