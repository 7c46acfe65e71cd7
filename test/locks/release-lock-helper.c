// A helper whose every return holds the lock locks for its caller, and one
// that only unlocks releases its caller's lock: neither is a leak.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static int table_size;

static void lock_table(void) { pthread_mutex_lock(&table_mutex); }
static void unlock_table(void) { pthread_mutex_unlock(&table_mutex); }

static void *grow(void *arg) {
  (void)arg;
  lock_table();
  table_size++;
  unlock_table();
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, grow, NULL);
  pthread_create(&b, NULL, grow, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
