// Used by compile-db.test: listed in its compile_commands.json.
#ifndef RACELINT_TEST_FROM_DATABASE
#error db-second.c analysed without the database's flags
#endif
#warning db-second.c analysed with the database's flags

#include <pthread.h>

static int counter;
static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;

void bump(void) {
  pthread_mutex_lock(&counter_lock);
  ++counter;
  pthread_mutex_unlock(&counter_lock);
}
