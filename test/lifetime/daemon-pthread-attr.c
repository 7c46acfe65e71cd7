/* A pthread created with a PTHREAD_CREATE_DETACHED attribute. */
// RUN: not %racelint %s -- -std=gnu11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>
#include <stdio.h>

static void *task(void *arg) {
  (void)arg;
  printf("task is over\n");
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  pthread_t t;
  pthread_create(&t, &attr, task, NULL);
// CHECK: :[[@LINE-1]]:22: warning: the thread running 'task' is created detached and may still be running when 'main' returns; nothing waits for it to finish [daemon-thread]
// CHECK: :[[@LINE-4]]:3: note: 'attr' is set to PTHREAD_CREATE_DETACHED here
// CHECK: :[[@LINE-14]]:14: note: the detached thread runs 'task'
// CHECK: :[[@LINE+3]]:3: note: 'main' returns here while the thread may still run
// CHECK: :[[@LINE-14]]:3: note: the thread may never print "task is over"
  pthread_attr_destroy(&attr);
  return 0;
}
