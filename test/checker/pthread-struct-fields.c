// A struct passed by pointer to two pthreads: one field is updated under the
// struct's mutex, the other is not; only the unlocked field is reported.
// RUN: not %racelint-races %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not=warning:

#include <pthread.h>

struct account {
  pthread_mutex_t lock;
  int balance;
  int operations;
};

static void *deposit(void *arg) {
  struct account *acct = arg;
  pthread_mutex_lock(&acct->lock);
  acct->balance += 10;
  pthread_mutex_unlock(&acct->lock);
  acct->operations++;
// CHECK: [[@LINE-1]]:19: warning: '{{.*}}operations' is incremented without a lock; concurrent threads lose updates [unsynchronized-rmw]
  return NULL;
}

int main(void) {
  struct account acct = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, deposit, &acct);
  pthread_create(&b, NULL, deposit, &acct);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return acct.balance + acct.operations;
}
