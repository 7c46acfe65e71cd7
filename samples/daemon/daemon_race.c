/* daemon_race.c - a detached ("daemon") pthread dies with main.
 *
 * 'lichang' is detached; 'test' is a normal thread that main joins. main
 * returns once 'test' is done, the process exits, and 'lichang' is killed in
 * its sleep: "lichang is over" never prints. daemon_fixed.c joins both.
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Posted once 'lichang' has printed its first line: main waits for the start,
 * never for the end. */
static sem_t started;

/* 'lichang' works 1 s, as in the lecture, in both timings: nobody waits for it,
 * so it costs nothing, and the wide margin keeps the lesson from depending on
 * luck. RACELINT_LECTURE_TIMING=1 makes 'test' take 0.1 s instead of 10 ms.
 * (The lecture's own 'test' sleeps 3 s, long enough to let 'lichang' finish.)
 */
static int lectureTiming(void) {
  const char *value = getenv("RACELINT_LECTURE_TIMING");
  return value && strcmp(value, "1") == 0;
}

static void *task(void *arg) {
  const char *name = arg;
  printf("%s is running\n", name);
  sem_post(&started);
  struct timespec work = {1, 0};
  nanosleep(&work, NULL);
  printf("%s is over\n", name);
  return NULL;
}

static void *test(void *arg) {
  const struct timespec *work = arg;
  nanosleep(work, NULL);
  printf("test is over\n");
  return NULL;
}

int main(void) {
  struct timespec test_work = {0, lectureTiming() ? 100000000L : 10000000L};
  sem_init(&started, 0, 0);

  pthread_t t, other;
  if (pthread_create(&t, NULL, task, "lichang") != 0)
    return 1;
  pthread_detach(t);
  if (pthread_create(&other, NULL, test, &test_work) != 0)
    return 1;

  sem_wait(&started);
  pthread_join(other, NULL);
  printf("main is over\n");
  return 0;
}
