// pthreads started through a function pointer variable.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

int ticks;

static void *tick(void *arg) {
  ticks++;
// CHECK: [[@LINE-1]]:8: warning: 'ticks' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  return arg;
}

int main(void) {
  void *(*entry)(void *) = tick;
  pthread_t a, b;
  pthread_create(&a, NULL, entry, NULL);
  pthread_create(&b, NULL, entry, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
