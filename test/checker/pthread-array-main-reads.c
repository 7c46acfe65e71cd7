// A pthread_t array joined in a later loop; main reads the flag between the
// create loop and the join loop, while the threads write it under a lock.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>
#include <stdio.h>

int finished;
pthread_mutex_t finished_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg) {
  (void)arg;
  pthread_mutex_lock(&finished_mutex);
  finished = 1;
// CHECK: [[@LINE-1]]:12: warning: 'finished' is written while another thread may read it, with no lock held in common [data-race]
// CHECK: :[[@LINE+9]]:5: note: several threads run 'work' at once, started here in a loop
// CHECK: :[[@LINE+9]]:18: note: conflicting read in 'main' here, while the thread is running
  pthread_mutex_unlock(&finished_mutex);
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, work, NULL);
  printf("%d\n", finished);
  for (int i = 0; i < 4; ++i)
    pthread_join(threads[i], NULL);
  return finished;
}
