/* Twin of pthread-never-joined.c: joined in a later loop. */
// RUN: %racelint %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>
#include <stddef.h>

static void *task(void *arg) { return arg; }

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, task, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  return 0;
}
