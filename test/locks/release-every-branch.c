// An unlock in every branch of an if/else and of a switch: nothing leaks.
// RUN: %racelint %s -- -std=c11 -pthread | count 0

#include <pthread.h>

static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static int table[4];

static int update(int slot, int value) {
  pthread_mutex_lock(&table_mutex);
  if (slot < 0 || slot >= 4) {
    pthread_mutex_unlock(&table_mutex);
    return -1;
  } else {
    table[slot] = value;
    pthread_mutex_unlock(&table_mutex);
  }
  pthread_mutex_lock(&table_mutex);
  switch (value) {
  case 0:
    table[0] = 0;
    pthread_mutex_unlock(&table_mutex);
    break;
  default:
    pthread_mutex_unlock(&table_mutex);
    break;
  }
  return 0;
}

static void *worker(void *arg) {
  update(*(int *)arg, 1);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  int one = 1, two = 2;
  pthread_create(&a, NULL, worker, &one);
  pthread_create(&b, NULL, worker, &two);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  return 0;
}
