// A pthread_t array joined in a later loop; main writes the counter, unlocked,
// between the create loop and the join loop. One pair, one report: at main's
// unlocked write (the threads' update is locked).
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

int counter;
pthread_mutex_t counter_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  (void)arg;
  pthread_mutex_lock(&counter_mutex);
  counter++;
  pthread_mutex_unlock(&counter_mutex);
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, work, NULL);
  counter = 0;
// CHECK: [[@LINE-1]]:11: warning: 'counter' is written while another thread may write it, with no lock held in common [data-race]
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  return counter;
}
