/* pthreads created and never joined nor detached leak. */
// RUN: not %racelint %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>
#include <stddef.h>

static void *task(void *arg) { return arg; }

int main(void) {
  pthread_t threads[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&threads[i], NULL, task, NULL);
// CHECK: :[[@LINE-1]]:5: warning: the thread created into 'threads' is never joined nor detached; its resources leak [joinable-thread-destroyed]
// CHECK: :[[@LINE+2]]:1: note: 'main' ends here without joining or detaching it
  return 0;
}
