/* racelint reports the second increment (it does not order threads by an
 * atomic flag), but the release/acquire pair orders the two updates: TSan
 * sees no race and the program always prints 2. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static int counter;
static atomic_int ready;

static void *first(void *arg) {
  (void)arg;
  counter++;
  atomic_store_explicit(&ready, 1, memory_order_release);
  return NULL;
}

static void *second(void *arg) {
  (void)arg;
  while (!atomic_load_explicit(&ready, memory_order_acquire))
    ;
  counter++;
  return NULL;
}

int main(void) {
  pthread_t a, b;
  pthread_create(&a, NULL, first, NULL);
  pthread_create(&b, NULL, second, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("counter = %d\n", counter);
  return 0;
}
