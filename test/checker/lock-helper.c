// C: helpers that take and drop a pthread mutex for their caller.
// RUN: %racelint-races %s -- -std=c11 -pthread | count 0

#include <pthread.h>

int queue_length;
pthread_mutex_t queue_mutex = PTHREAD_MUTEX_INITIALIZER;

static void enter(void) { pthread_mutex_lock(&queue_mutex); }
static void leave(void) { pthread_mutex_unlock(&queue_mutex); }

static void *push(void *arg) {
  (void)arg;
  enter();
  queue_length = queue_length + 1;
  leave();
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, push, NULL);
  pthread_create(&b, NULL, push, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
}
