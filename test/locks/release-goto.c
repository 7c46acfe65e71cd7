// goto past the unlock to a label after it leaks the lock.
// RUN: not %racelint %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>

static pthread_mutex_t log_mutex = PTHREAD_MUTEX_INITIALIZER;
static int log_lines;

static void *append(void *arg) {
  int failed = arg != NULL;
  {
    pthread_mutex_lock(&log_mutex);
    // CHECK: [[@LINE-1]]:5: warning: 'log_mutex' is locked here and some path leaves 'append' without unlocking it [lock-not-released]
    if (failed)
      goto out;
    // CHECK: [[@LINE-1]]:7: note: 'goto' jumps out here with 'log_mutex' held
    log_lines++;
    pthread_mutex_unlock(&log_mutex);
  }
out:
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
