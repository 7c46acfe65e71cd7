// printf to a stream under the lock is not worth reporting.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t out_mutex = PTHREAD_MUTEX_INITIALIZER;
static int lines;

static void *say(void *arg) {
  (void)arg;
  pthread_mutex_lock(&out_mutex);
  lines++;
  printf("line %d\n", lines);
  fprintf(stderr, "line %d\n", lines);
  pthread_mutex_unlock(&out_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, say, NULL);
  pthread_create(&b, NULL, say, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
