//===--- rl_internal.h - Declarations shared by the runtime -----*- C -*-===//
//
// Glossary; the code uses these words exactly:
//   thread record  what the shim knows of one thread it saw being created
//   handle         the pthread_t of a thread
//   entry          the function a thread starts in; for a std::thread, the
//                  callable it was given
//   site           where a thread was created: the first frame above
//                  pthread_create that is the program's code, not a library's
//   window         a FILE:LINE at which __racelint_window pauses the caller
//   alive at exit  detached or never joined, not finished when the process
//                  exits, and not the thread that called exit()
//
// The shim's invariant: it adds no synchronization ThreadSanitizer can see,
// since a happens-before edge of the shim's could hide a race in the program.
// So the shim is not instrumented; its locks are spinlocks on compiler atomics
// (TSan does not see atomics in uninstrumented code); it writes files with raw
// syscalls (TSan's write() interceptor releases a sync object that all files
// share and any later read() acquires); it sleeps with clock_nanosleep, which
// TSan does not intercept; and it never frees memory another thread allocated
// (TSan checks a free() as a write against the allocation).
//
// Every extern symbol starts with __racelint_, so it cannot collide with the
// program the shim is linked into.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_RT_INTERNAL_H
#define RACELINT_RT_INTERNAL_H

#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>

/// Symbols the program or its shared libraries must see: the interceptors
/// (libstdc++ calls pthread_create through the executable's export) and the
/// public ABI. Everything else is hidden by -fvisibility=hidden.
#define RL_EXPORT __attribute__((visibility("default")))

//===--- Flags (rl_flags.c) -----------------------------------------------===//

typedef int RlBool;
typedef int RlInt;
typedef const char *RlStr;

typedef struct RlFlags {
#define RACELINT_RT_FLAG(Type, Name, Default, Help) Rl##Type Name;
#include "rl_flags.inc"
#undef RACELINT_RT_FLAG
} RlFlags;

extern RlFlags __racelint_flags;

/// Reads every flag from the environment; prints the table if 'help' is set.
void __racelint_flagsInit(void);

//===--- Start-up, clock, re-entrancy guard (rl_rtl.c) --------------------===//

/// Initializes the runtime once; cheap after the first call, safe from any
/// thread and before main. Every entry point of the shim calls it first.
void __racelint_init(void);

/// Microseconds since the runtime started (CLOCK_MONOTONIC).
uint64_t __racelint_nowUs(void);

/// Non-zero while this thread runs shim code that holds a shim lock. The
/// locks are not recursive: a signal handler that interrupts such code and
/// calls pthread_create, pthread_detach, pthread_join or __racelint_window
/// would spin forever on the lock its own thread holds, so while the guard
/// is set those calls skip the shim's bookkeeping.
extern __thread int __racelint_inShim;

/// The calling thread's record number, 0 for the main thread.
extern __thread unsigned __racelint_selfId;

typedef struct RlSpinLock {
  int Held;
} RlSpinLock;

static inline void rlLock(RlSpinLock *L) {
  ++__racelint_inShim;
  while (__atomic_exchange_n(&L->Held, 1, __ATOMIC_ACQUIRE))
    while (__atomic_load_n(&L->Held, __ATOMIC_RELAXED))
      sched_yield();
}

static inline void rlUnlock(RlSpinLock *L) {
  __atomic_store_n(&L->Held, 0, __ATOMIC_RELEASE);
  --__racelint_inShim;
}

//===--- Thread records (rl_threads.c) ------------------------------------===//

enum { RlMaxFrames = 8 };

/// What the shim knows of one thread it saw being created.
typedef struct RlThread {
  struct RlThread *Next;
  unsigned Id;         ///< 1, 2, ... in creation order; the main thread is 0.
  unsigned ParentId;   ///< Id of the creating thread.
  unsigned Generation; ///< Bumped when the record is recycled.
  pthread_t Handle;
  RlBool HasHandle, Detached, Finished;
  void *(*Entry)(void *);
  void *Arg;
  /// std::thread only: its _State's virtual _M_run, whose name spells the
  /// callable's type, and the _State's last word (see rl_symbolize.c).
  void *RunFn, *LastWord;
  /// Return addresses above pthread_create, innermost first.
  void *Frames[RlMaxFrames];
  int NumFrames;
  uint64_t StartUs;
} RlThread;

/// Copies \p Proto into a new live record numbered next; returns it and its
/// generation, which the calls below check so that they never touch a record
/// that has been recycled meanwhile.
RlThread *__racelint_threadAdd(const RlThread *Proto, unsigned *Generation);
/// The real pthread_create returned \p Handle for \p T.
void __racelint_threadCreated(RlThread *T, unsigned Generation,
                              pthread_t Handle);
/// The real pthread_create failed: \p T never ran.
void __racelint_threadCreateFailed(RlThread *T);
/// Called by \p T itself as it starts.
void __racelint_threadStarted(RlThread *T);
/// Called by \p T itself as it finishes; returns how long it ran, in us.
uint64_t __racelint_threadFinished(RlThread *T);
/// The live record with \p Handle, or NULL if the shim never saw the thread.
/// Looked up before the real pthread_detach/pthread_join, as TSan does: once
/// those return, the handle may already belong to a new thread.
RlThread *__racelint_threadFind(pthread_t Handle, unsigned *Generation);
/// The real call succeeded for \p T; return its Id, 0 if \p T is NULL.
unsigned __racelint_threadDetached(RlThread *T, unsigned Generation);
unsigned __racelint_threadJoined(RlThread *T, unsigned Generation);
/// Copies of the records alive at exit, in creation order, skipping the
/// record of thread \p ExitingId. The caller frees the array.
RlThread *__racelint_threadsAlive(unsigned ExitingId, size_t *Count);
/// fork(): hold the lock across it; the child forgets every thread.
void __racelint_threadsForkPrepare(void);
void __racelint_threadsForkParent(void);
void __racelint_threadsForkChild(void);

//===--- Entries and sites (rl_symbolize.c) -------------------------------===//

/// Records \p T's frames above pthread_create, whose return address is
/// \p CallerPc, and what a std::thread entry needs to be named later.
void __racelint_captureCreation(RlThread *T, void *CallerPc);
/// Names \p T's entry ("worker", "main::$_0") into Buf.
void __racelint_nameEntry(const RlThread *T, char *Buf, size_t Size);
/// Writes \p T's site ("/src/a.c:17:3") into Buf.
void __racelint_nameSite(const RlThread *T, char *Buf, size_t Size);

//===--- Output lines and the events file (rl_events.c) -------------------===//

/// One line of output, built without libc formatting so that it can be
/// written from anywhere, with one write(2).
typedef struct RlLine {
  char Buf[2048];
  size_t Len;
} RlLine;

void __racelint_lineAppend(RlLine *L, const char *S);
void __racelint_lineAppendUInt(RlLine *L, uint64_t V);
/// Appends a tab, Key, '=' and Value; tabs and newlines in Value become
/// spaces so the line stays one record.
void __racelint_lineField(RlLine *L, const char *Key, const char *Value);
void __racelint_lineFieldUInt(RlLine *L, const char *Key, uint64_t V);
/// Starts an event line "EVENT\tthread=N\ttime_us=T".
void __racelint_lineEvent(RlLine *L, const char *Event, unsigned Thread);

/// Whether events go to a file.
RlBool __racelint_eventsOn(void);
/// Appends a newline and writes \p L to the events file, if any.
void __racelint_eventWrite(RlLine *L);
/// Appends a newline and writes \p L to stderr.
void __racelint_stderrWrite(RlLine *L);
/// Opens DIR/racelint-rt.PID.events and writes its header line.
void __racelint_eventsOpen(void);

//===--- Race windows (rl_window.c) ---------------------------------------===//

/// Parses the windows from the flags.
void __racelint_windowsInit(void);
/// Writes a window-hits event for each window.
void __racelint_windowsAtExit(void);

//===--- Interceptors (rl_interceptors.c) ---------------------------------===//

/// Creates the key whose destructor sees threads end by pthread_exit.
void __racelint_interceptorsInit(void);

//===--- Exit report (rl_exit.c) ------------------------------------------===//

/// Reports the threads alive at exit; runs once, from an atexit handler.
void __racelint_atExit(void);

//===--- Raw system calls (rl_events.c) -----------------------------------===//

/// write(2) of all of \p Size bytes, past EINTR and short writes.
void __racelint_writeAll(int Fd, const char *Buf, size_t Size);

#endif // RACELINT_RT_INTERNAL_H
