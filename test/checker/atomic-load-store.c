// C11: atomic_load then atomic_store of a value computed from the load.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>
#include <stdatomic.h>

atomic_int money = 100;

static void *task(void *arg) {
  (void)arg;
  int tmp = atomic_load(&money);
  atomic_store(&money, tmp - 1);
// CHECK: [[@LINE-1]]:{{[0-9]+}}: warning: 'money' is updated by an atomic load at line [[@LINE-2]] and a separate atomic store; concurrent threads lose updates in between [unsynchronized-rmw]
// CHECK: :[[@LINE-3]]:{{[0-9]+}}: note: 'money' is read here
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, task, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
}
