// exit() and abort() end the process: the lock held there does not leak.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t state_mutex = PTHREAD_MUTEX_INITIALIZER;
static int state;

static void *check(void *arg) {
  pthread_mutex_lock(&state_mutex);
  if (state < 0)
    exit(1);
  if (arg)
    abort();
  state++;
  pthread_mutex_unlock(&state_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, check, NULL);
  pthread_create(&b, NULL, check, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
