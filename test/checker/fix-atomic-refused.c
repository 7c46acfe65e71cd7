// C keeps the value semantics of reads on an _Atomic object, but not its
// pointer type, and a split update stays two steps; before C11 there is no
// _Atomic. Only 'count', in C11, gets the atomic alternative.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="fix-it (alternative)"
// RUN: not %racelint-races %s -- -std=c99 -pthread -DONLY_COUNT | FileCheck %s --check-prefix=C99 --implicit-check-not="fix-it (alternative)"

#include <pthread.h>
#include <stdio.h>

static int count;
static int pointed;
static int split;

static void bump(int *p) { (void)p; }

static void *work(void *arg) {
  (void)arg;
  count++;
  // CHECK: warning: 'count' is incremented without a lock
  // CHECK: fix-it (alternative): make 'count' _Atomic: each update becomes one atomic read-modify-write
  // C99: warning: 'count' is incremented without a lock
  pointed += 2;
  // CHECK: warning: 'pointed' is read, modified and written back
  split++;
  // CHECK: warning: 'split' is incremented without a lock
  return NULL;
}

static void *other(void *arg) {
  (void)arg;
#ifndef ONLY_COUNT
  bump(&pointed);
  int tmp = split;
  split = tmp * 2;
#endif
  printf("%d\n", count);
  return NULL;
}
// CHECK: warning: 'split' is updated from a value read

int main(void) {
  pthread_t a, b, c;
  pthread_create(&a, NULL, work, NULL);
  pthread_create(&b, NULL, work, NULL);
  pthread_create(&c, NULL, other, NULL);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(c, NULL);
  return 0;
}
