// pthread_mutex_trylock: 0 means the lock is held; the update is there only.
// RUN: %racelint-races %s -- -std=c11 -pthread | count 0

#include <pthread.h>

int jobs_done;
pthread_mutex_t jobs_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *finish_job(void *arg) {
  (void)arg;
  if (pthread_mutex_trylock(&jobs_mutex) == 0) {
    jobs_done++;
    pthread_mutex_unlock(&jobs_mutex);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, finish_job, NULL);
  pthread_create(&b, NULL, finish_job, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
