// Readers share a read lock: a sleep under it makes no reader wait.
// RUN: %racelint %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>
#include <unistd.h>

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static int table[4];

static void *reader(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&table_lock);
  int first = table[0];
  usleep(1000);
  pthread_rwlock_unlock(&table_lock);
  return first ? arg : NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, reader, NULL);
  pthread_create(&b, NULL, reader, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
