/* Twin of daemon-pthread-attr.c: main waits on a semaphore the thread posts
 * after its last line. */
// RUN: %racelint %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t finished;

static void *task(void *arg) {
  (void)arg;
  printf("task is over\n");
  sem_post(&finished);
  return NULL;
}

int main(void) {
  sem_init(&finished, 0, 0);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t t;
  pthread_create(&t, &attr, task, NULL);
  pthread_attr_destroy(&attr);
  sem_wait(&finished);
  return 0;
}
