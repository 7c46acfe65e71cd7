/* The racy threads start only when the program is given an argument: run
 * without one, the reported code never runs. */
#include <pthread.h>
#include <stdio.h>

static int counter;

static void *bump(void *arg) {
  (void)arg;
  int seen = counter;
  counter = seen + 1;
  return NULL;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 1) {
    pthread_t a, b;
    pthread_create(&a, NULL, bump, NULL);
    pthread_create(&b, NULL, bump, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
  }
  printf("counter = %d\n", counter);
  return 0;
}
