// Blocking file I/O under the lock, reached through a helper.
// RUN: %racelint %s -- -std=c11 -pthread | FileCheck %s --implicit-check-not="{{warning|note}}:"

#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t file_mutex = PTHREAD_MUTEX_INITIALIZER;
static long bytes;

static size_t read_block(FILE *f, char *buffer) {
  return fread(buffer, 1, 512, f);
  // CHECK: [[@LINE-1]]:10: note: 'file_mutex' is held across 'fread': 2 threads take turns waiting for I/O; move the call out of the critical section, or replace the update with an atomic [lock-held-across-blocking-call]
  // CHECK: :[[@LINE+7]]:3: note: 'file_mutex' is locked here
  // CHECK: :[[@LINE+17]]:3: note: a thread running 'load' is started here
}

static void *load(void *arg) {
  FILE *f = arg;
  char buffer[512];
  pthread_mutex_lock(&file_mutex);
  bytes += (long)read_block(f, buffer);
  pthread_mutex_unlock(&file_mutex);
  return NULL;
}

int main(void) {
  FILE *f = fopen("/dev/zero", "rb");
  if (!f)
    return 1;
  pthread_t a, b;
  pthread_create(&a, NULL, load, f);
  pthread_create(&b, NULL, load, f);
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  fclose(f);
  return 0;
}
