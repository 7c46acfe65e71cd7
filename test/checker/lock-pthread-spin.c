// pthread_spin_lock over the whole update.
// RUN: %racelint-races %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>

int hits;
pthread_spinlock_t hits_lock;

static void *count_hit(void *arg) {
  (void)arg;
  pthread_spin_lock(&hits_lock);
  int seen = hits;
  hits = seen + 1;
  pthread_spin_unlock(&hits_lock);
  return NULL;
}

int main(void) {
  pthread_spin_init(&hits_lock, PTHREAD_PROCESS_PRIVATE);
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], NULL, count_hit, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  pthread_spin_destroy(&hits_lock);
}
