// Twin of lock-pthread-spin.c: the spin lock covers the read, not the write.
// RUN: not %racelint-races %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

int hits;
pthread_spinlock_t hits_lock;

static void *count_hit(void *arg) {
  (void)arg;
  pthread_spin_lock(&hits_lock);
  int seen = hits;
  pthread_spin_unlock(&hits_lock);
  hits = seen + 1;
// CHECK: [[@LINE-1]]:8: warning: 'hits' is updated from a value read at line [[@LINE-3]] without a lock; concurrent threads lose updates [unsynchronized-rmw]
// CHECK: :[[@LINE-4]]:14: note: 'hits' is read here
  return NULL;
}

int main(void) {
  pthread_spin_init(&hits_lock, PTHREAD_PROCESS_PRIVATE);
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, count_hit, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  pthread_spin_destroy(&hits_lock);
}
