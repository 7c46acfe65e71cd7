/* process_vs_thread.c - processes do not share memory; threads do.
 *
 * A child process sets the global 'money' to 0, but the parent still sees 100
 * after waiting for it: fork gave the child its own copy. A thread sets it to
 * 0 and main sees 0 after the join: the threads of a process share its data.
 */

#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int money = 100;

static void *task(void *arg) {
  (void)arg;
  money = 0;
  printf("in the thread: money = %d\n", money);
  return NULL;
}

int main(void) {
  printf("before: money = %d\n", money);
  /* The child inherits a copy of stdout's buffer: empty it first, or the
   * line above would be printed twice. */
  fflush(stdout);

  pid_t pid = fork();
  if (pid < 0) {
    perror("process_vs_thread: fork");
    return 1;
  }
  if (pid == 0) {
    money = 0;
    printf("in the child process: money = %d\n", money);
    fflush(stdout);
    _exit(0);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
    fprintf(stderr, "process_vs_thread: the child failed\n");
    return 1;
  }
  printf("after the child process: money = %d\n", money);

  pthread_t thread;
  if (pthread_create(&thread, NULL, task, NULL) != 0) {
    fprintf(stderr, "process_vs_thread: pthread_create failed\n");
    return 1;
  }
  pthread_join(thread, NULL);
  printf("after the thread: money = %d\n", money);
  return 0;
}
