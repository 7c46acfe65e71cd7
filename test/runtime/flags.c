// The flags: RACELINT_RT_HELP lists them, a value that does not parse is
// reported and ignored, RACELINT_RT_REPORT_ALIVE=0 silences the exit report.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: env RACELINT_RT_HELP=1 %t 2>&1 | FileCheck --check-prefix=HELP %s
// RUN: env RACELINT_RT_WINDOW_MS=soon RACELINT_RT_REPORT_ALIVE=maybe %t 2>&1 | FileCheck --check-prefix=BAD %s
// RUN: env RACELINT_RT_REPORT_ALIVE=0 %t 2>&1 | count 0
#include <pthread.h>
#include <unistd.h>

static pthread_barrier_t Started;

static void *background(void *Arg) {
  pthread_barrier_wait(&Started);
  pause();
  return Arg;
}

int main(void) {
  pthread_barrier_init(&Started, NULL, 2);
  pthread_attr_t Detached;
  pthread_attr_init(&Detached);
  pthread_attr_setdetachstate(&Detached, PTHREAD_CREATE_DETACHED);
  pthread_t T;
  pthread_create(&T, &Detached, background, NULL);
  pthread_barrier_wait(&Started);
  return 0;
}
// HELP:      racelint-rt: flags, read from the environment once at start:
// HELP-NEXT:   RACELINT_RT_HELP=1 (bool): print the flags and their values to stderr at start
// HELP-NEXT:   RACELINT_RT_REPORT_ALIVE=1 (bool): at exit, print each detached or never-joined thread still running to stderr
// HELP-NEXT:   RACELINT_RT_EVENTS_DIR= (string): directory (created if missing) for the events file racelint-rt.PID.events; unset: no events file
// HELP-NEXT:   RACELINT_RT_WINDOWS= (string): race windows, FILE:LINE[=MS] separated by commas
// HELP-NEXT:   RACELINT_RT_WINDOWS_FILE= (string): file with more race windows, separated by commas, spaces or newlines; '#' starts a comment
// HELP-NEXT:   RACELINT_RT_WINDOW_MS=20 (int): length in milliseconds of a window that gives no =MS
// HELP-NEXT: racelint-rt: detached thread still running at exit: entry 'background'

// BAD-DAG: racelint-rt: ignoring RACELINT_RT_WINDOW_MS='soon': not a valid value
// BAD-DAG: racelint-rt: ignoring RACELINT_RT_REPORT_ALIVE='maybe': not a valid value
// BAD:     racelint-rt: detached thread still running at exit: entry 'background'
