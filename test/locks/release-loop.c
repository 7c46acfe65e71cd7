// Lock and unlock in every iteration, and a lock around a whole loop with
// breaks that stay inside the region: nothing leaks.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static pthread_mutex_t jobs_mutex = PTHREAD_MUTEX_INITIALIZER;
static int jobs[16];

static void *run(void *arg) {
  (void)arg;
  for (int i = 0; i < 16; ++i) {
    pthread_mutex_lock(&jobs_mutex);
    jobs[i]++;
    pthread_mutex_unlock(&jobs_mutex);
  }
  pthread_mutex_lock(&jobs_mutex);
  for (int i = 0; i < 16; ++i) {
    if (jobs[i] > 100)
      break;
    if (jobs[i] == 0)
      continue;
    jobs[i]--;
  }
  pthread_mutex_unlock(&jobs_mutex);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, run, NULL);
  pthread_create(&b, NULL, run, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
