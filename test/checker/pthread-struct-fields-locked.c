// Twin of pthread-struct-fields.c: both fields under the struct's mutex, in
// two functions locking 'acct->lock' through their own parameter.
// RUN: %racelint-races %s -- -std=c11 -pthread | count 0

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
  acct->operations++;
  pthread_mutex_unlock(&acct->lock);
  return NULL;
}

static void *withdraw(void *arg) {
  struct account *acct = arg;
  pthread_mutex_lock(&acct->lock);
  acct->balance -= 10;
  acct->operations++;
  pthread_mutex_unlock(&acct->lock);
  return NULL;
}

int main(void) {
  struct account acct = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  pthread_create(&a, NULL, deposit, &acct);
  pthread_create(&b, NULL, withdraw, &acct);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return acct.balance + acct.operations;
}
