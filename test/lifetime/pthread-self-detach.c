/* A pthread that detaches itself is not leaked. Nothing it does matters at
 * exit, so it is no daemon-thread either. */
// RUN: %racelint %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>
#include <stddef.h>

static void *task(void *arg) {
  pthread_detach(pthread_self());
  return arg;
}

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, task, NULL);
  return 0;
}
