// pthread rwlocks: a write lock left held by an early return.
// RUN: not %racelint %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>

static pthread_rwlock_t routes_lock = PTHREAD_RWLOCK_INITIALIZER;
static int routes[8];

static void *update(void *arg) {
  int slot = *(int *)arg;
  pthread_rwlock_wrlock(&routes_lock);
  // CHECK: [[@LINE-1]]:3: warning: 'routes_lock' is locked here and some path leaves 'update' without unlocking it [lock-not-released]
  if (slot >= 8)
    return NULL;
  // CHECK: [[@LINE-1]]:5: note: 'update' returns here with 'routes_lock' held
  routes[slot]++;
  pthread_rwlock_unlock(&routes_lock);
  pthread_rwlock_rdlock(&routes_lock);
  int seen = routes[0];
  pthread_rwlock_unlock(&routes_lock);
  return seen ? arg : NULL;
}

int main(void) {
  pthread_t a, b;
  int one = 1, nine = 9;
  pthread_create(&a, NULL, update, &one);
  pthread_create(&b, NULL, update, &nine);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
