// C: pthread i gets &slots[i], the pthread_t array is joined in a later loop.
// RUN: %racelint-races %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static void *fill(void *arg) {
  int *slot = arg;
  (*slot)++;
  return NULL;
}

int main(void) {
  int slots[8] = {0};
  pthread_t threads[8];
  for (int i = 0; i < 8; ++i)
    pthread_create(&threads[i], NULL, fill, &slots[i]);
  for (int i = 0; i < 8; ++i)
    pthread_join(threads[i], NULL);
  return slots[3];
}
