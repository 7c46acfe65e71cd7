/* money_locked.c - the lecture's fix for the lost update: a mutex.
 *
 * The same 100 threads as money_race.c, but each holds 'mutex' from the read
 * to the write, so every update sees the one before it and the balance ends at
 * 0. Holding it across the pause makes the threads run one after another.
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { THREAD_COUNT = 100 };

int money = 100;
pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;

/* Set once in main before any thread starts; the threads only read it. */
static struct timespec pause_time;

/* RACELINT_LECTURE_TIMING=1 uses the lecture's 0.1 s pause (10 s in all, since
 * the lock makes the threads serial); the default keeps the run short. */
static int lectureTiming(void) {
  const char *value = getenv("RACELINT_LECTURE_TIMING");
  return value && strcmp(value, "1") == 0;
}

static void *task(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mutex);
  int tmp = money;
  nanosleep(&pause_time, NULL);
  money = tmp - 1;
  pthread_mutex_unlock(&mutex);
  return NULL;
}

int main(void) {
  pause_time.tv_nsec = lectureTiming() ? 100000000L : 1000000L;
  pthread_t threads[THREAD_COUNT];
  for (int i = 0; i < THREAD_COUNT; ++i)
    if (pthread_create(&threads[i], NULL, task, NULL) != 0) {
      fprintf(stderr, "money_locked: pthread_create failed\n");
      return 1;
    }
  for (int i = 0; i < THREAD_COUNT; ++i)
    pthread_join(threads[i], NULL);
  printf("money = %d\n", money);
  return 0;
}
