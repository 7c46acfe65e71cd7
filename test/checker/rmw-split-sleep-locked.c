// Twin of rmw-split-sleep.c: a pthread mutex over read, sleep and write; the
// pthread_t array is joined in a later loop and main reads after it.
// RUN: %racelint-races %s -- -std=gnu11 -pthread | count 0

#include <pthread.h>
#include <unistd.h>

int money = 100;
pthread_mutex_t money_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *task(void *arg) {
  (void)arg;
  pthread_mutex_lock(&money_mutex);
  int tmp = money;
  usleep(1000);
  money = tmp - 1;
  pthread_mutex_unlock(&money_mutex);
  return NULL;
}

int main(void) {
  pthread_t threads[10];
  for (int i = 0; i < 10; ++i)
    pthread_create(&threads[i], NULL, task, NULL);
  for (int i = 0; i < 10; ++i)
    pthread_join(threads[i], NULL);
  return money;
}
