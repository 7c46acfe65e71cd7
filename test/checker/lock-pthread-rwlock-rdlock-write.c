// Twin of lock-pthread-rwlock.c: the writer takes only the read lock.
// RUN: not %racelint-races %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

int table_size;
pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;

static void *writer(void *arg) {
  (void)arg;
  pthread_rwlock_rdlock(&table_lock);
  table_size = table_size + 1;
// CHECK: [[@LINE-1]]:14: warning: 'table_size' is updated from a value read at line [[@LINE-1]] without a lock{{.*}} [unsynchronized-rmw]
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

int main(void) {
  pthread_t t[2];
  pthread_create(&t[0], NULL, writer, NULL);
  pthread_create(&t[1], NULL, writer, NULL);
  pthread_join(t[0], NULL);
  pthread_join(t[1], NULL);
}
