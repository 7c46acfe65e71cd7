// C: the read and the write each under the pthread mutex, released between.
// RUN: not %racelint-races %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>
#include <unistd.h>

int money = 100;
pthread_mutex_t money_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *task(void *arg) {
  (void)arg;
  pthread_mutex_lock(&money_mutex);
  int tmp = money;
  pthread_mutex_unlock(&money_mutex);
  usleep(1000);
  pthread_mutex_lock(&money_mutex);
  money = tmp - 1;
// CHECK: [[@LINE-1]]:9: warning: 'money' is written under 'money_mutex', but the lock was released after 'money' was read at line [[@LINE-5]]; an update made in between is lost [split-critical-section]
// CHECK: :[[@LINE-5]]:3: note: 'money_mutex' is released here
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
