/* money_atomic.c - the lost update fixed with one C11 atomic step.
 *
 * When the whole update is "subtract one", atomic_fetch_sub does the read and
 * the write as one indivisible operation: no lock, the pauses still overlap,
 * and the balance ends at 0.
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { THREAD_COUNT = 100 };

_Atomic int money = 100;

/* Set once in main before any thread starts; the threads only read it. */
static struct timespec pause_time;

/* RACELINT_LECTURE_TIMING=1 uses the lecture's 0.1 s pause; the default keeps
 * the run short. */
static int lectureTiming(void) {
  const char *value = getenv("RACELINT_LECTURE_TIMING");
  return value && strcmp(value, "1") == 0;
}

static void *task(void *arg) {
  (void)arg;
  /* The pause stands for the work done before the update; it no longer sits
   * between a read and a write, so it cannot lose anything. */
  nanosleep(&pause_time, NULL);
  atomic_fetch_sub(&money, 1);
  return NULL;
}

int main(void) {
  pause_time.tv_nsec = lectureTiming() ? 100000000L : 1000000L;
  pthread_t threads[THREAD_COUNT];
  for (int i = 0; i < THREAD_COUNT; ++i)
    if (pthread_create(&threads[i], NULL, task, NULL) != 0) {
      fprintf(stderr, "money_atomic: pthread_create failed\n");
      return 1;
    }
  for (int i = 0; i < THREAD_COUNT; ++i)
    pthread_join(threads[i], NULL);
  printf("money = %d\n", atomic_load(&money));
  return 0;
}
