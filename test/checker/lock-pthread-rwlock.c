// pthread_rwlock: readers under rdlock, the writer under wrlock.
// RUN: %racelint-races %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>

int table_size;
pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;

static void *reader(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&table_lock);
  int n = table_size;
  pthread_rwlock_unlock(&table_lock);
  return (void *)(long)n;
}

static void *writer(void *arg) {
  (void)arg;
  pthread_rwlock_wrlock(&table_lock);
  table_size = table_size + 1;
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

int main(void) {
  pthread_t t[4];
  pthread_create(&t[0], NULL, reader, NULL);
  pthread_create(&t[1], NULL, reader, NULL);
  pthread_create(&t[2], NULL, writer, NULL);
  pthread_create(&t[3], NULL, writer, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
}
