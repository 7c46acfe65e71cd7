// Twin of pthread-array-main-reads.c: main reads after the join loop and
// writes before the create loop.
// RUN: %racelint-races %s -- -std=c11 -pthread | count 0

#include <pthread.h>
#include <stdio.h>

int finished;
pthread_mutex_t finished_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  (void)arg;
  pthread_mutex_lock(&finished_mutex);
  finished = 1;
  pthread_mutex_unlock(&finished_mutex);
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  finished = 0;
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, work, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  printf("%d\n", finished);
  return finished;
}
