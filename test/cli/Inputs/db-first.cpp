// Used by compile-db.test: listed in its compile_commands.json.
#ifndef RACELINT_TEST_FROM_DATABASE
#error db-first.cpp analysed without the database's flags
#endif
#warning db-first.cpp analysed with the database's flags

#include <mutex>

static int Counter;
static std::mutex CounterLock;

void bump() {
  std::lock_guard<std::mutex> Guard(CounterLock);
  ++Counter;
}
