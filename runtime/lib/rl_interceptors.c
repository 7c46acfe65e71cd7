//===--- rl_interceptors.c - pthread_create, pthread_detach, pthread_join -===//
//
// The shim defines these functions in the executable: its definitions win
// over TSan's, which are weak, and over libc's; the executable exports them,
// so libstdc++'s std::thread calls arrive here too. Each has the same beats as
// a TSan interceptor: guard, call the real function, record the effect. Where
// a handle names the thread, the record is looked up before the real call,
// as TSan does, because once the real call returns the handle may be reused.
//
// "Real" is the next definition: TSan's interceptor, which the static TSan
// runtime still exports as __interceptor_NAME when the program defines NAME
// itself; or, in a program built without TSan, libc's, from
// dlsym(RTLD_NEXT). RTLD_NEXT alone would be wrong under TSan: the TSan
// runtime is part of the executable, as the shim is, so RTLD_NEXT skips it
// and finds libc's, and TSan never learns of the thread (it then fails a CHECK
// in its thread registry).
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <dlfcn.h>

#define RL_DECLARE_REAL(Ret, Name, ...)                                        \
  extern Ret __interceptor_##Name(__VA_ARGS__) __attribute__((weak));          \
  typedef Ret (*RlReal_##Name)(__VA_ARGS__);                                   \
  static RlReal_##Name real_##Name(void) {                                     \
    static RlReal_##Name Cached;                                               \
    RlReal_##Name Real = __atomic_load_n(&Cached, __ATOMIC_RELAXED);           \
    if (Real)                                                                  \
      return Real;                                                             \
    Real = __interceptor_##Name ? __interceptor_##Name                         \
                                : (RlReal_##Name)dlsym(RTLD_NEXT, #Name);      \
    __atomic_store_n(&Cached, Real, __ATOMIC_RELAXED);                         \
    return Real;                                                               \
  }

#define REAL(Name) (real_##Name())

/// The guard beat: start the runtime, and let calls that arrive while this
/// thread is inside the shim through untouched (see __racelint_inShim).
#define RL_INTERCEPTOR_GUARD(Name, ...)                                        \
  __racelint_init();                                                           \
  if (__racelint_inShim)                                                       \
  return REAL(Name)(__VA_ARGS__)

RL_DECLARE_REAL(int, pthread_create, pthread_t *, const pthread_attr_t *,
                void *(*)(void *), void *)
RL_DECLARE_REAL(int, pthread_detach, pthread_t)
RL_DECLARE_REAL(int, pthread_join, pthread_t, void **)

/// Its destructor sees every thread the shim started end, however it ends.
static pthread_key_t ExitKey;

static RlBool isDetachedAttr(const pthread_attr_t *Attr) {
  int State;
  return Attr && pthread_attr_getdetachstate(Attr, &State) == 0 &&
         State == PTHREAD_CREATE_DETACHED;
}

/// The names for the start event, made before the thread's clock starts:
/// the first symbolization starts TSan's symbolizer, which takes a while.
typedef struct RlStartNames {
  char Entry[512];
  char Site[1024];
} RlStartNames;

static void writeStart(const RlThread *T, const RlStartNames *Names) {
  RlLine L = {.Len = 0};
  __racelint_lineEvent(&L, "start", T->Id);
  __racelint_lineFieldUInt(&L, "parent", T->ParentId);
  __racelint_lineFieldUInt(&L, "detached", (uint64_t)T->Detached);
  __racelint_lineField(&L, "entry", Names->Entry);
  __racelint_lineField(&L, "site", Names->Site);
  __racelint_eventWrite(&L);
}

/// A thread's end, seen from the thread itself: after its entry returned or
/// it called pthread_exit or was cancelled, and after its thread_local
/// destructors.
static void onExitKey(void *Thread) {
  RlThread *T = Thread;
  unsigned Id = T->Id;
  uint64_t RanUs = __racelint_threadFinished(T);
  // T may be recycled from here on.
  RlLine L = {.Len = 0};
  __racelint_lineEvent(&L, "finish", Id);
  __racelint_lineFieldUInt(&L, "ran_us", RanUs);
  __racelint_eventWrite(&L);
}

void __racelint_interceptorsInit(void) {
  pthread_key_create(&ExitKey, onExitKey);
}

/// Every thread the shim sees created starts here, with its record.
static void *startThread(void *Arg) {
  RlThread *T = Arg;
  void *(*Entry)(void *) = T->Entry;
  void *EntryArg = T->Arg;
  __racelint_selfId = T->Id;
  __racelint_threadStarted(T);
  pthread_setspecific(ExitKey, T);
  // A tail call (the runtime is always built with -O2): the entry returns
  // straight to TSan's thread start, which TSan strips from its reports, so
  // no frame of the shim's shows up under the program's.
  return Entry(EntryArg);
}

/// TSan builds a "created by" stack from its shadow stack, which only
/// instrumented code pushes onto, and its interceptor's caller, the shim: the
/// program's call site would be lost. The shim pushes it as instrumented code
/// would.
extern void __tsan_func_entry(void *CallerPc) __attribute__((weak));
extern void __tsan_func_exit(void) __attribute__((weak));

RL_EXPORT int pthread_create(pthread_t *Handle, const pthread_attr_t *Attr,
                             void *(*Entry)(void *), void *Arg) {
  RL_INTERCEPTOR_GUARD(pthread_create, Handle, Attr, Entry, Arg);
  RlThread Proto = {.ParentId = __racelint_selfId,
                    .Detached = isDetachedAttr(Attr),
                    .Entry = Entry,
                    .Arg = Arg};
  __racelint_captureCreation(&Proto, __builtin_return_address(0));
  RlBool Events = __racelint_eventsOn();
  RlStartNames Names;
  if (Events) {
    __racelint_nameEntry(&Proto, Names.Entry, sizeof(Names.Entry));
    __racelint_nameSite(&Proto, Names.Site, sizeof(Names.Site));
  }
  Proto.StartUs = __racelint_nowUs();
  unsigned Generation;
  RlThread *T = __racelint_threadAdd(&Proto, &Generation);
  if (!T)
    return REAL(pthread_create)(Handle, Attr, Entry, Arg);
  // Written before the thread exists, so that it is the thread's first line.
  if (Events)
    writeStart(T, &Names);
  unsigned Id = T->Id;

  if (__tsan_func_entry)
    __tsan_func_entry(__builtin_return_address(0));
  int Result = REAL(pthread_create)(Handle, Attr, startThread, T);
  if (__tsan_func_exit)
    __tsan_func_exit();

  if (Result != 0) {
    __racelint_threadCreateFailed(T);
    RlLine L = {.Len = 0};
    __racelint_lineEvent(&L, "start-failed", Id);
    __racelint_lineFieldUInt(&L, "error", (uint64_t)Result);
    __racelint_eventWrite(&L);
    return Result;
  }
  __racelint_threadCreated(T, Generation, *Handle);
  return Result;
}

static void writeHandled(const char *Event, unsigned Id) {
  if (Id == 0)
    return;
  RlLine L = {.Len = 0};
  __racelint_lineEvent(&L, Event, Id);
  __racelint_lineFieldUInt(&L, "by", __racelint_selfId);
  __racelint_eventWrite(&L);
}

RL_EXPORT int pthread_detach(pthread_t Handle) {
  RL_INTERCEPTOR_GUARD(pthread_detach, Handle);
  unsigned Generation = 0;
  RlThread *T = __racelint_threadFind(Handle, &Generation);

  int Result = REAL(pthread_detach)(Handle);

  if (Result == 0)
    writeHandled("detach", __racelint_threadDetached(T, Generation));
  return Result;
}

RL_EXPORT int pthread_join(pthread_t Handle, void **Value) {
  RL_INTERCEPTOR_GUARD(pthread_join, Handle, Value);
  unsigned Generation = 0;
  RlThread *T = __racelint_threadFind(Handle, &Generation);

  int Result = REAL(pthread_join)(Handle, Value);

  if (Result == 0)
    writeHandled("join", __racelint_threadJoined(T, Generation));
  return Result;
}
