// The lecture's lost update in C: pthreads, a local copy, usleep, write back.
// RUN: not %racelint-races %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>
#include <unistd.h>

int money = 100;

static void *task(void *arg) {
  (void)arg;
  int tmp = money;
  usleep(1000);
  money = tmp - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is updated from a value read at line [[@LINE-3]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE-4]]:13: note: 'money' is read here
// CHECK: :[[@LINE+7]]:5: note: several threads run 'task' at once, started here in a loop
  return NULL;
}

int main(void) {
  pthread_t threads[10];
  for (int i = 0; i < 10; ++i)
    pthread_create(&threads[i], NULL, task, NULL);
  for (int i = 0; i < 10; ++i)
    pthread_join(threads[i], NULL);
  return money;
}
