/* daemon_fixed.c - the daemon pthread joined, so its work completes.
 *
 * The same two threads as daemon_race.c, but main joins 'lichang' instead of
 * detaching it, so main returns only after both have printed "is over".
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct Job {
  const char *name;
  struct timespec work;
};

/* RACELINT_LECTURE_TIMING=1 uses the lecture's 1 s of work for 'lichang' and
 * 0.1 s for 'test'; the default keeps the run short. */
static int lectureTiming(void) {
  const char *value = getenv("RACELINT_LECTURE_TIMING");
  return value && strcmp(value, "1") == 0;
}

static void *task(void *arg) {
  const struct Job *job = arg;
  printf("%s is running\n", job->name);
  nanosleep(&job->work, NULL);
  printf("%s is over\n", job->name);
  return NULL;
}

static void *test(void *arg) {
  const struct timespec *work = arg;
  nanosleep(work, NULL);
  printf("test is over\n");
  return NULL;
}

int main(void) {
  struct Job lichang = {"lichang", {0, 100000000L}};
  struct timespec test_work = {0, 10000000L};
  if (lectureTiming()) {
    lichang.work.tv_sec = 1;
    lichang.work.tv_nsec = 0;
    test_work.tv_nsec = 100000000L;
  }

  pthread_t t, other;
  if (pthread_create(&t, NULL, task, &lichang) != 0)
    return 1;
  if (pthread_create(&other, NULL, test, &test_work) != 0)
    return 1;

  pthread_join(other, NULL);
  pthread_join(t, NULL);
  printf("main is over\n");
  return 0;
}
