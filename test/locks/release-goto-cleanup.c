// Twin of release-goto.c: the usual C cleanup label unlocks on every path.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;
static int log_lines;

static void *append(void *arg) {
  int failed = arg != NULL;
  pthread_mutex_lock(&log_mutex);
  if (failed)
    goto out;
  log_lines++;
out:
  pthread_mutex_unlock(&log_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, append, NULL);
  pthread_create(&b, NULL, append, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
