// pthread_mutex_trylock: non-zero means not taken; those paths back off.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static pthread_mutex_t stats_mutex = PTHREAD_MUTEX_INITIALIZER;
static int samples;

static void *sample(void *arg) {
  (void)arg;
  if (pthread_mutex_trylock(&stats_mutex) != 0)
    return NULL;
  samples++;
  pthread_mutex_unlock(&stats_mutex);
  while (pthread_mutex_trylock(&stats_mutex))
    ;
  samples++;
  pthread_mutex_unlock(&stats_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, sample, NULL);
  pthread_create(&b, NULL, sample, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
