// The second thread takes the opposite order with pthread_mutex_trylock and
// backs off when it fails: it never waits while holding, so no deadlock.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static pthread_mutex_t a_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b_mutex = PTHREAD_MUTEX_INITIALIZER;
static int a_value, b_value;

static void *forward(void *arg) {
  (void)arg;
  pthread_mutex_lock(&a_mutex);
  pthread_mutex_lock(&b_mutex);
  a_value++;
  b_value++;
  pthread_mutex_unlock(&b_mutex);
  pthread_mutex_unlock(&a_mutex);
  return NULL;
}

static void *backward(void *arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&b_mutex);
    if (pthread_mutex_trylock(&a_mutex) == 0)
      break;
    pthread_mutex_unlock(&b_mutex);
  }
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
