// C: usleep under a pthread mutex in 4 threads.
// RUN: %racelint %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>
#include <unistd.h>

static pthread_mutex_t tick_mutex = PTHREAD_MUTEX_INITIALIZER;
static int ticks;

static void *tick(void *arg) {
  (void)arg;
  pthread_mutex_lock(&tick_mutex);
  ticks++;
  usleep(50000);
  // CHECK: [[@LINE-1]]:3: note: 'tick_mutex' is held across 'usleep': 4 threads take turns sleeping 50 ms, ~200 ms serial; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
  // CHECK: :[[@LINE-4]]:3: note: 'tick_mutex' is locked here
  // CHECK: :[[@LINE+8]]:5: note: several threads run 'tick' at once, started here in a loop
  pthread_mutex_unlock(&tick_mutex);
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, tick, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  return 0;
}
