/* racelint crashed (SIGSEGV, exit 139, nothing on stderr) on a pthread detached
 * in main, in C and in C++: racelint::findDaemonThreads -> WorkBuilder::get ->
 * WorkBuilder::build -> clang::Expr::IgnoreParenImpCasts on a null expression.
 * Found by bench/run.py on samples/daemon/daemon_race.c with the build of
 * 2026-11-26 17:47 (the daemon-thread rule, then uncommitted); the build of
 * 18:38 (6d0348f) no longer crashes. Kept as a regression input: run.py runs
 * every file in bench/repro/.
 *
 *   build/bin/racelint bench/repro/detached-pthread-in-main.c -- -std=c11
 * -pthread
 */

#include <pthread.h>

static void *task(void *arg) { return arg; }

int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, task, NULL);
  pthread_detach(t);
  return 0;
}
