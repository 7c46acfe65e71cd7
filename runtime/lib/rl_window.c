//===--- rl_window.c - Race windows ---------------------------------------===//
//
// The windows are parsed once, at start-up, into an array that never changes
// afterwards, so a probe reads it without a lock. A probe at a location that
// is no window costs a comparison per window, and nothing without windows.
// The first hit of each window is an event (racelint-confirm's evidence that
// the code ran), and the hit counts are written at exit.
//
//===----------------------------------------------------------------------===//
#include "racelint_rt.h"
#include "rl_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

typedef struct RlWindow {
  char *File; ///< As the flag spells it.
  unsigned Line;
  unsigned Ms;
  uint64_t Hits;
} RlWindow;

static RlWindow *Windows;
static size_t NumWindows;

static void warnWindows(const char *What, const char *Text, size_t Length,
                        const char *Expected) {
  char Copy[512];
  if (Length >= sizeof(Copy))
    Length = sizeof(Copy) - 1;
  memcpy(Copy, Text, Length);
  Copy[Length] = 0;
  RlLine L = {.Len = 0};
  __racelint_lineAppend(&L, "racelint-rt: ");
  __racelint_lineAppend(&L, What);
  __racelint_lineAppend(&L, " '");
  __racelint_lineAppend(&L, Copy);
  __racelint_lineAppend(&L, "'");
  __racelint_lineAppend(&L, Expected);
  __racelint_stderrWrite(&L);
}

/// Parses decimal digits [Begin, End) into *Out.
static RlBool parseNumber(const char *Begin, const char *End, unsigned *Out) {
  uint64_t V = 0;
  if (Begin == End || End - Begin > 9)
    return 0;
  for (const char *P = Begin; P < End; ++P) {
    if (*P < '0' || *P > '9')
      return 0;
    V = V * 10 + (uint64_t)(*P - '0');
  }
  *Out = (unsigned)V;
  return 1;
}

/// FILE:LINE[=MS]; the file name may contain ':' itself.
static RlBool parseWindow(const char *Text, size_t Length, RlWindow *W) {
  const char *End = Text + Length;
  const char *Equals = memchr(Text, '=', Length);
  W->Ms = (unsigned)__racelint_flags.window_ms;
  if (Equals && !parseNumber(Equals + 1, End, &W->Ms))
    return 0;
  const char *LineEnd = Equals ? Equals : End;
  const char *Colon = NULL;
  for (const char *P = Text; P < LineEnd; ++P)
    if (*P == ':')
      Colon = P;
  if (!Colon || Colon == Text || !parseNumber(Colon + 1, LineEnd, &W->Line))
    return 0;
  W->File = strndup(Text, (size_t)(Colon - Text));
  W->Hits = 0;
  return W->File != NULL;
}

static RlBool isSeparator(char C) {
  return C == ',' || C == ' ' || C == '\t' || C == '\n' || C == '\r';
}

static void addWindows(const char *Text) {
  const char *P = Text;
  while (*P) {
    if (isSeparator(*P)) {
      ++P;
      continue;
    }
    if (*P == '#') {
      while (*P && *P != '\n')
        ++P;
      continue;
    }
    const char *Begin = P;
    while (*P && !isSeparator(*P) && *P != '#')
      ++P;
    RlWindow W;
    if (!parseWindow(Begin, (size_t)(P - Begin), &W)) {
      warnWindows("ignoring malformed window", Begin, (size_t)(P - Begin),
                  " (expected FILE:LINE[=MS])");
      continue;
    }
    RlWindow *Grown = realloc(Windows, (NumWindows + 1) * sizeof(*Windows));
    if (!Grown)
      return;
    Windows = Grown;
    Windows[NumWindows++] = W;
  }
}

/// The whole file, NUL-terminated, read with raw syscalls; NULL on error.
static char *readFile(const char *Path) {
  int SavedErrno = errno;
  long Fd = syscall(SYS_openat, AT_FDCWD, Path, O_RDONLY | O_CLOEXEC);
  if (Fd < 0) {
    errno = SavedErrno;
    return NULL;
  }
  char *Text = NULL;
  size_t Size = 0, Capacity = 0;
  RlBool Complete = 0;
  for (;;) {
    if (Capacity - Size < 4096) {
      Capacity = Capacity * 2 + 4096;
      char *Grown = realloc(Text, Capacity + 1);
      if (!Grown)
        break;
      Text = Grown;
    }
    long N = syscall(SYS_read, Fd, Text + Size, Capacity - Size);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      break;
    if (N == 0) {
      Text[Size] = 0;
      Complete = 1;
      break;
    }
    Size += (size_t)N;
  }
  syscall(SYS_close, Fd);
  errno = SavedErrno;
  if (!Complete) {
    free(Text);
    return NULL;
  }
  return Text;
}

void __racelint_windowsInit(void) {
  if (__racelint_flags.windows)
    addWindows(__racelint_flags.windows);
  const char *Path = __racelint_flags.windows_file;
  if (!Path)
    return;
  char *Text = readFile(Path);
  if (!Text) {
    warnWindows("cannot read windows file", Path, strlen(Path), "");
    return;
  }
  addWindows(Text);
  free(Text);
}

/// Whether one path ends with the other at a '/' boundary.
static RlBool sameFile(const char *A, const char *B) {
  size_t LengthA = strlen(A), LengthB = strlen(B);
  if (LengthA < LengthB) {
    const char *T = A;
    A = B;
    B = T;
    size_t N = LengthA;
    LengthA = LengthB;
    LengthB = N;
  }
  const char *Tail = A + LengthA - LengthB;
  return strcmp(Tail, B) == 0 && (Tail == A || Tail[-1] == '/');
}

static void appendSite(RlLine *L, const RlWindow *W) {
  __racelint_lineAppend(L, "\tsite=");
  __racelint_lineAppend(L, W->File);
  __racelint_lineAppend(L, ":");
  __racelint_lineAppendUInt(L, W->Line);
}

static void sleepMs(unsigned Ms) {
  struct timespec Until;
  clock_gettime(CLOCK_MONOTONIC, &Until);
  Until.tv_sec += Ms / 1000;
  Until.tv_nsec += (long)(Ms % 1000) * 1000000;
  if (Until.tv_nsec >= 1000000000) {
    Until.tv_nsec -= 1000000000;
    ++Until.tv_sec;
  }
  while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &Until, NULL) == EINTR)
    ;
}

static void hit(RlWindow *W) {
  if (__atomic_fetch_add(&W->Hits, 1, __ATOMIC_RELAXED) == 0) {
    RlLine L = {.Len = 0};
    __racelint_lineEvent(&L, "window", __racelint_selfId);
    appendSite(&L, W);
    __racelint_lineFieldUInt(&L, "ms", W->Ms);
    __racelint_eventWrite(&L);
  }
  if (W->Ms)
    sleepMs(W->Ms);
}

RL_EXPORT void __racelint_window(const char *File, unsigned Line) {
  __racelint_init();
  if (NumWindows == 0 || __racelint_inShim || !File)
    return;
  for (size_t I = 0; I < NumWindows; ++I) {
    if (Windows[I].Line != Line || !sameFile(Windows[I].File, File))
      continue;
    hit(&Windows[I]);
    return;
  }
}

void __racelint_windowsAtExit(void) {
  for (size_t I = 0; I < NumWindows; ++I) {
    RlLine L = {.Len = 0};
    __racelint_lineEvent(&L, "window-hits", __racelint_selfId);
    appendSite(&L, &Windows[I]);
    __racelint_lineFieldUInt(
        &L, "hits", __atomic_load_n(&Windows[I].Hits, __ATOMIC_RELAXED));
    __racelint_eventWrite(&L);
  }
}
