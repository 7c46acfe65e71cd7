// pthread spinlocks: the end of the function is reached with the lock held
// when the loop finds nothing.
// RUN: not %racelint %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>

static pthread_spinlock_t slots_lock;
static int slots[4];

static void *claim(void *arg) {
  (void)arg;
  pthread_spin_lock(&slots_lock);
  // CHECK: [[@LINE-1]]:3: warning: 'slots_lock' is locked here and some path leaves 'claim' without unlocking it [lock-not-released]
  for (int i = 0; i < 4; ++i)
    if (!slots[i]) {
      slots[i] = 1;
      pthread_spin_unlock(&slots_lock);
      return NULL;
    }
  return NULL;
  // CHECK: [[@LINE-1]]:3: note: 'claim' returns here with 'slots_lock' held
}

int main(void) {
  pthread_spin_init(&slots_lock, PTHREAD_PROCESS_PRIVATE);
  pthread_t a, b;
  pthread_create(&a, NULL, claim, NULL);
  pthread_create(&b, NULL, claim, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
