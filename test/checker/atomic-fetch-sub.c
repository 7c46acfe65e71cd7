// Twin of atomic-load-store.c: atomic_fetch_sub, an _Atomic's --, and the
// __atomic builtins are each one atomic operation.
// RUN: %racelint-races %s -- -std=c11 -pthread | count 0

#include <pthread.h>
#include <stdatomic.h>

atomic_int money = 100;
_Atomic int visits;
int hits;

static void *task(void *arg) {
  (void)arg;
  atomic_fetch_sub(&money, 1);
  visits--;
  __atomic_fetch_add(&hits, 1, __ATOMIC_RELAXED);
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, task, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
}
