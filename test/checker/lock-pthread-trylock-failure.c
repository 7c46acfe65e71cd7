// Twin of lock-pthread-trylock.c: the update is on the branch where
// pthread_mutex_trylock failed.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

int jobs_skipped;
pthread_mutex_t jobs_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *finish_job(void *arg) {
  (void)arg;
  if (pthread_mutex_trylock(&jobs_mutex) != 0) {
    jobs_skipped++;
// CHECK: [[@LINE-1]]:17: warning: 'jobs_skipped' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
    return NULL;
  }
  pthread_mutex_unlock(&jobs_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, finish_job, NULL);
  pthread_create(&b, NULL, finish_job, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
