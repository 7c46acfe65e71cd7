// Used by compile-error.test: a misspelt pthread call.
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

int main(void) {
  pthread_mutex_lok(&lock);
  return 0;
}
