// Twin of slots-per-thread.c: every pthread gets &total.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

static void *fill(void *arg) {
  int *slot = arg;
  (*slot)++;
// CHECK: [[@LINE-1]]:10: warning: '{{.*}}' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  return NULL;
}

int main(void) {
  int total = 0;
  pthread_t threads[8];
  for (int i = 0; i < 8; ++i)
    pthread_create(&threads[i], NULL, fill, &total);
  for (int i = 0; i < 8; ++i)
    pthread_join(threads[i], NULL);
  return total;
}
