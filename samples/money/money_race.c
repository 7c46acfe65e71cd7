/* money_race.c - the lecture's lost update, with pthreads.
 *
 * 100 threads each read 'money', pause, and write back one less. With no lock
 * every thread may read the same old value, so updates are lost and the final
 * balance is usually well above 0. money_locked.c is the fixed twin.
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { THREAD_COUNT = 100 };

int money = 100;

/* Set once in main before any thread starts; the threads only read it. */
static struct timespec pause_time;

/* RACELINT_LECTURE_TIMING=1 uses the lecture's 0.1 s pause; the default keeps
 * the run short while still leaving a window for the threads to overlap. */
static int lectureTiming(void) {
  const char *value = getenv("RACELINT_LECTURE_TIMING");
  return value && strcmp(value, "1") == 0;
}

static void *task(void *arg) {
  (void)arg;
  int tmp = money;
  nanosleep(&pause_time, NULL);
  money = tmp - 1;
  return NULL;
}

int main(void) {
  pause_time.tv_nsec = lectureTiming() ? 100000000L : 1000000L;
  pthread_t threads[THREAD_COUNT];
  for (int i = 0; i < THREAD_COUNT; ++i)
    if (pthread_create(&threads[i], NULL, task, NULL) != 0) {
      fprintf(stderr, "money_race: pthread_create failed\n");
      return 1;
    }
  for (int i = 0; i < THREAD_COUNT; ++i)
    pthread_join(threads[i], NULL);
  printf("money = %d\n", money);
  return 0;
}
