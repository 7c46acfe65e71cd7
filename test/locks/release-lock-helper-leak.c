// Twin of release-lock-helper.c: the caller takes the lock through the
// helper and an early return forgets the matching unlock.
// RUN: not %racelint %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>

static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static int table_size;

static void lock_table(void) { pthread_mutex_lock(&table_mutex); }
static void unlock_table(void) { pthread_mutex_unlock(&table_mutex); }

static void *grow(void *arg) {
  lock_table();
  // CHECK: [[@LINE-1]]:3: warning: 'table_mutex' is locked here and some path leaves 'grow' without unlocking it [lock-not-released]
  if (arg)
    return arg;
  // CHECK: [[@LINE-1]]:5: note: 'grow' returns here with 'table_mutex' held
  table_size++;
  unlock_table();
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, grow, NULL);
  pthread_create(&b, NULL, grow, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
