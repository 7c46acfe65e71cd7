/* main ends with pthread_exit: the process lives until the detached thread
 * is done. */
// RUN: %racelint %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>
#include <stdio.h>

static void *task(void *arg) {
  (void)arg;
  printf("task is over\n");
  return NULL;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, task, NULL);
  pthread_detach(t);
  pthread_exit(NULL);
}
