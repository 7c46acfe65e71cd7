// The C twin of clean-file.cpp: pthreads, one mutex over the read and the
// write; nothing printed, exit status 0.
// RUN: %racelint %s -- -std=c11 -pthread 2>&1 | count 0

#include <pthread.h>

static int money = 100;
static pthread_mutex_t money_lock = PTHREAD_MUTEX_INITIALIZER;

static void *spend(void *arg) {
  (void)arg;
  pthread_mutex_lock(&money_lock);
  int tmp = money;
  money = tmp - 1;
  pthread_mutex_unlock(&money_lock);
  return 0;
}

int main(void) {
  pthread_t threads[100];
  for (int i = 0; i < 100; ++i)
    pthread_create(&threads[i], 0, spend, 0);
  for (int i = 0; i < 100; ++i)
    pthread_join(threads[i], 0);
  return money;
}
