// Twin of order-trylock-backoff.c: the second thread waits for a_mutex
// while holding b_mutex. C has no scoped_lock, so no fix-it.
// RUN: not %racelint %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:" --implicit-check-not=fix-it

#include <pthread.h>

static pthread_mutex_t a_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b_mutex = PTHREAD_MUTEX_INITIALIZER;
static int a_value, b_value;

static void *forward(void *arg) {
  (void)arg;
  pthread_mutex_lock(&a_mutex);
  pthread_mutex_lock(&b_mutex);
  // CHECK: [[@LINE-1]]:3: warning: 'b_mutex' is locked while 'a_mutex' is held, and elsewhere 'a_mutex' is locked while 'b_mutex' is held; threads taking both orders can deadlock [lock-order-inversion]
  // CHECK: :[[@LINE-3]]:3: note: 'a_mutex' is locked here
  // CHECK: :[[@LINE+24]]:3: note: a thread running 'forward' is started here
  a_value++;
  b_value++;
  pthread_mutex_unlock(&b_mutex);
  pthread_mutex_unlock(&a_mutex);
  return NULL;
}

static void *backward(void *arg) {
  (void)arg;
  pthread_mutex_lock(&b_mutex);
  // CHECK: :[[@LINE-1]]:3: note: 'b_mutex' is locked here
  pthread_mutex_lock(&a_mutex);
  // CHECK: :[[@LINE-1]]:3: note: then 'a_mutex' is locked here while 'b_mutex' is held
  // CHECK: :[[@LINE+11]]:3: note: a thread running 'backward' is started here
  a_value--;
  b_value--;
  pthread_mutex_unlock(&a_mutex);
  pthread_mutex_unlock(&b_mutex);
  return NULL;
}

int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, NULL, forward, NULL);
  pthread_create(&t2, NULL, backward, NULL);
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  return 0;
}
