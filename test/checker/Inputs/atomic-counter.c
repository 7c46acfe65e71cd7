#include <pthread.h>
#include <stdio.h>

static unsigned hits;
static int flags = 0;

static void *work(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    hits++;
    flags |= 1 << (i % 4);
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%u %d\n", hits, flags);
  return hits == 2000 ? 0 : 1;
}
