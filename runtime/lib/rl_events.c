//===--- rl_events.c - Output lines and the events file -------------------===//
//
// Every line leaves with one write(2) on an O_APPEND descriptor, so lines from
// different threads do not interleave and a crash loses nothing already
// written. Raw syscalls rather than write(): see the invariant in
// rl_internal.h. errno is preserved, since the program may be between a call
// and its errno check when the shim runs.
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

/// The events file, or -1. Set while only one thread runs (start-up, the
/// child of a fork), read by all.
static int EventsFd = -1;

void __racelint_writeAll(int Fd, const char *Buf, size_t Size) {
  int SavedErrno = errno;
  while (Size) {
    long N = syscall(SYS_write, Fd, Buf, Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      break;
    Buf += N;
    Size -= (size_t)N;
  }
  errno = SavedErrno;
}

/// Room kept at the end of a line for its newline.
static size_t lineRoom(const RlLine *L) { return sizeof(L->Buf) - 1 - L->Len; }

void __racelint_lineAppend(RlLine *L, const char *S) {
  size_t N = strlen(S);
  if (N > lineRoom(L))
    N = lineRoom(L);
  memcpy(L->Buf + L->Len, S, N);
  L->Len += N;
}

void __racelint_lineAppendUInt(RlLine *L, uint64_t V) {
  char Digits[21];
  size_t I = sizeof(Digits);
  Digits[--I] = 0;
  do
    Digits[--I] = (char)('0' + V % 10);
  while ((V /= 10) != 0);
  __racelint_lineAppend(L, Digits + I);
}

void __racelint_lineField(RlLine *L, const char *Key, const char *Value) {
  __racelint_lineAppend(L, "\t");
  __racelint_lineAppend(L, Key);
  __racelint_lineAppend(L, "=");
  size_t Start = L->Len;
  __racelint_lineAppend(L, Value);
  for (size_t I = Start; I < L->Len; ++I)
    if (L->Buf[I] == '\t' || L->Buf[I] == '\n' || L->Buf[I] == '\r')
      L->Buf[I] = ' ';
}

void __racelint_lineFieldUInt(RlLine *L, const char *Key, uint64_t V) {
  __racelint_lineAppend(L, "\t");
  __racelint_lineAppend(L, Key);
  __racelint_lineAppend(L, "=");
  __racelint_lineAppendUInt(L, V);
}

void __racelint_lineEvent(RlLine *L, const char *Event, unsigned Thread) {
  __racelint_lineAppend(L, Event);
  __racelint_lineFieldUInt(L, "thread", Thread);
  __racelint_lineFieldUInt(L, "time_us", __racelint_nowUs());
}

RlBool __racelint_eventsOn(void) {
  return __atomic_load_n(&EventsFd, __ATOMIC_RELAXED) >= 0;
}

void __racelint_eventWrite(RlLine *L) {
  int Fd = __atomic_load_n(&EventsFd, __ATOMIC_RELAXED);
  if (Fd < 0)
    return;
  L->Buf[L->Len++] = '\n';
  __racelint_writeAll(Fd, L->Buf, L->Len);
}

void __racelint_stderrWrite(RlLine *L) {
  L->Buf[L->Len++] = '\n';
  __racelint_writeAll(2, L->Buf, L->Len);
}

void __racelint_eventsOpen(void) {
  const char *Dir = __racelint_flags.events_dir;
  if (!Dir)
    return;
  int SavedErrno = errno;
  // One level only: racelint-confirm makes a fresh directory per run.
  syscall(SYS_mkdirat, AT_FDCWD, Dir, 0777);
  RlLine Path = {.Len = 0};
  __racelint_lineAppend(&Path, Dir);
  __racelint_lineAppend(&Path, "/racelint-rt.");
  __racelint_lineAppendUInt(&Path, (uint64_t)syscall(SYS_getpid));
  __racelint_lineAppend(&Path, ".events");
  Path.Buf[Path.Len] = 0;
  // No O_TRUNC: exec() keeps the pid, and the new image must not erase what
  // the old one wrote. Its header line starts a new section instead.
  long Fd = syscall(SYS_openat, AT_FDCWD, Path.Buf,
                    O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0666);
  int Old =
      __atomic_exchange_n(&EventsFd, Fd < 0 ? -1 : (int)Fd, __ATOMIC_RELAXED);
  if (Old >= 0)
    syscall(SYS_close, Old);
  errno = SavedErrno;
  if (Fd < 0) {
    RlLine L = {.Len = 0};
    __racelint_lineAppend(&L, "racelint-rt: cannot open events file '");
    __racelint_lineAppend(&L, Path.Buf);
    __racelint_lineAppend(&L, "'");
    __racelint_stderrWrite(&L);
    return;
  }

  char Exe[1024];
  long N = syscall(SYS_readlink, "/proc/self/exe", Exe, sizeof(Exe) - 1);
  Exe[N > 0 ? N : 0] = 0;
  errno = SavedErrno;
  RlLine L = {.Len = 0};
  __racelint_lineAppend(&L, "racelint-rt-events");
  __racelint_lineFieldUInt(&L, "version", 1);
  __racelint_lineFieldUInt(&L, "pid", (uint64_t)syscall(SYS_getpid));
  __racelint_lineField(&L, "exe", Exe);
  __racelint_eventWrite(&L);
}
