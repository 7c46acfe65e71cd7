// Windows are FILE:LINE[=MS]. FILE matches a probe's path when one ends with
// the other at a '/' boundary; a window without =MS lasts
// RACELINT_RT_WINDOW_MS. A probe at a location that is no window returns at
// once, and so does every probe when no window is configured. The windows
// that must not match are 10 s long, so a wrong match cannot pass unnoticed.
//
// RUN: %clang -fsanitize=thread -g %s %rtflags -o %t
// RUN: %t 2>&1 | FileCheck --check-prefix=NONE %s --implicit-check-not=racelint-rt
// RUN: env RACELINT_RT_WINDOWS=runtime/window-config.c:1=200,other-window-config.c:2=10000,window-config.c:99=10000 \
// RUN:   %t 2>&1 | FileCheck --check-prefix=ONE %s --implicit-check-not=racelint-rt
// RUN: printf 'window-config.c:2 # from a file\n\nwindow-config.c:3=x,bad-window\n' > %t.windows
// RUN: env RACELINT_RT_WINDOWS_FILE=%t.windows RACELINT_RT_WINDOW_MS=200 \
// RUN:   %t 2>&1 | FileCheck --check-prefix=FROMFILE %s --implicit-check-not=racelint-rt
// RUN: env RACELINT_RT_WINDOWS_FILE=%t.missing %t 2>&1 | FileCheck --check-prefix=MISSING %s --implicit-check-not=racelint-rt
#include "racelint_rt.h"
#include <stdio.h>
#include <time.h>

static double msSince(const struct timespec *Start) {
  struct timespec Now;
  clock_gettime(CLOCK_MONOTONIC, &Now);
  return (Now.tv_sec - Start->tv_sec) * 1e3 + (Now.tv_nsec - Start->tv_nsec) / 1e6;
}

static void probe(unsigned Line) {
  struct timespec Start;
  clock_gettime(CLOCK_MONOTONIC, &Start);
  __racelint_window(__FILE__, Line);
  printf("line %u: %s\n", Line, msSince(&Start) >= 100 ? "paused" : "no pause");
}

int main(void) {
  probe(1);
  probe(2);
  probe(3);
  struct timespec Start;
  clock_gettime(CLOCK_MONOTONIC, &Start);
  for (int I = 0; I < 1000000; ++I)
    __racelint_window(__FILE__, 4);
  printf("a million probes elsewhere: %s\n", msSince(&Start) < 1000 ? "fast" : "slow");
  return 0;
}
// NONE:      line 1: no pause
// NONE-NEXT: line 2: no pause
// NONE-NEXT: line 3: no pause
// NONE-NEXT: a million probes elsewhere: fast

// ONE:      line 1: paused
// ONE-NEXT: line 2: no pause
// ONE-NEXT: line 3: no pause
// ONE-NEXT: a million probes elsewhere: fast

// FROMFILE-DAG:  racelint-rt: ignoring malformed window 'window-config.c:3=x' (expected FILE:LINE[=MS])
// FROMFILE-DAG:  racelint-rt: ignoring malformed window 'bad-window' (expected FILE:LINE[=MS])
// FROMFILE:      line 1: no pause
// FROMFILE-NEXT: line 2: paused
// FROMFILE-NEXT: line 3: no pause
// FROMFILE-NEXT: a million probes elsewhere: fast

// MISSING:      racelint-rt: cannot read windows file '{{.*}}.missing'
// MISSING:      line 1: no pause
// MISSING-NEXT: line 2: no pause
