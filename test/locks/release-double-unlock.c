// One branch unlocks early and the common path unlocks again.
// RUN: not %racelint %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>

static pthread_mutex_t queue_mutex = PTHREAD_MUTEX_INITIALIZER;
static int queue_len;

static void *push(void *arg) {
  pthread_mutex_lock(&queue_mutex);
  queue_len++;
  if (arg)
    pthread_mutex_unlock(&queue_mutex);
  pthread_mutex_unlock(&queue_mutex);
  // CHECK: [[@LINE-1]]:3: warning: 'queue_mutex' is unlocked here, but some path reaches this point without holding it [lock-not-released]
  // CHECK: [[@LINE-3]]:5: note: 'queue_mutex' is already unlocked here
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, push, NULL);
  pthread_create(&b, NULL, push, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
