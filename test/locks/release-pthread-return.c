// C: an error path returns with the pthread mutex held. No fix-it in C.
// RUN: not %racelint %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:" --implicit-check-not=fix-it

#include <pthread.h>
#include <stdlib.h>

static pthread_mutex_t pool_mutex = PTHREAD_MUTEX_INITIALIZER;
static int pool_used;

static void *take(void *arg) {
  (void)arg;
  pthread_mutex_lock(&pool_mutex);
  // CHECK: [[@LINE-1]]:3: warning: 'pool_mutex' is locked here and some path leaves 'take' without unlocking it [lock-not-released]
  if (pool_used >= 10)
    return NULL;
  // CHECK: [[@LINE-1]]:5: note: 'take' returns here with 'pool_mutex' held
  pool_used++;
  pthread_mutex_unlock(&pool_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, take, NULL);
  pthread_create(&b, NULL, take, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
