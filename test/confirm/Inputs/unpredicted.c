/* A race racelint does not predict: two threads clear one buffer through
 * memset, which TSan intercepts and racelint does not count as an access. */
#include <pthread.h>
#include <string.h>

static char buffer[64];

static void *clear(void *arg) {
  (void)arg;
  memset(buffer, 0, sizeof(buffer));
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, clear, NULL);
  pthread_create(&b, NULL, clear, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
