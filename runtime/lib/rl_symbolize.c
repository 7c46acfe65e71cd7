//===--- rl_symbolize.c - Naming entries and sites ------------------------===//
//
// Creating a thread captures raw addresses only; names are made when they are
// printed, by TSan's symbolizer (__sanitizer_symbolize_pc, which honours
// TSAN_OPTIONS such as strip_path_prefix), with dladdr as the fallback in a
// program built without TSan. Answers are cached per address, since programs
// create many threads from few places.
//
// A site is the first frame above pthread_create, inlined frames included,
// that is in the program's own files: for a std::thread, libstdc++'s frames
// (its .so, then the std::thread constructor inlined from <bits/std_thread.h>)
// come first.
//
// A std::thread starts every thread in libstdc++
// (execute_native_thread_routine) with a std::thread::_State *, whose virtual
// _M_run (vtable slot 2) calls the callable. The demangled name of _M_run
// spells the callable's type:
//   std::thread::_State_impl<std::thread::_Invoker<std::tuple<void
//   (*)()>>>::_M_run()
// A lambda or function object is named by that type ("main::$_0"); a function
// pointer by its value, which libstdc++'s std::tuple stores last (it lays its
// elements out in reverse): the last word of the _State object, whose size
// TSan's allocator knows.
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <unwind.h>

extern void __sanitizer_symbolize_pc(void *Pc, const char *Format, char *Buf,
                                     size_t Size) __attribute__((weak));
extern size_t __sanitizer_get_allocated_size(const volatile void *P)
    __attribute__((weak));

//===--- Capture ----------------------------------------------------------===//

typedef struct RlUnwind {
  RlThread *T;
  void *Anchor;
  int Skipped;
} RlUnwind;

/// Frames below the anchor (the unwinder, this file, pthread_create) are
/// skipped; if the anchor is not among the first few, unwinding gives up.
static _Unwind_Reason_Code collectFrame(struct _Unwind_Context *Context,
                                        void *Arg) {
  RlUnwind *U = Arg;
  void *Pc = (void *)_Unwind_GetIP(Context);
  if (U->T->NumFrames == 0 && Pc != U->Anchor)
    return ++U->Skipped > 6 ? _URC_END_OF_STACK : _URC_NO_REASON;
  U->T->Frames[U->T->NumFrames++] = Pc;
  return U->T->NumFrames == RlMaxFrames ? _URC_END_OF_STACK : _URC_NO_REASON;
}

static void *StdThreadRoutine;

static RlBool isStdThreadEntry(void *Entry) {
  void *Known = __atomic_load_n(&StdThreadRoutine, __ATOMIC_RELAXED);
  if (Known)
    return Entry == Known;
  Dl_info Info;
  if (!dladdr(Entry, &Info) || !Info.dli_fname ||
      !strstr(Info.dli_fname, "libstdc++"))
    return 0;
  __atomic_store_n(&StdThreadRoutine, Entry, __ATOMIC_RELAXED);
  return 1;
}

void __racelint_captureCreation(RlThread *T, void *CallerPc) {
  RlUnwind U = {.T = T, .Anchor = CallerPc, .Skipped = 0};
  T->NumFrames = 0;
  _Unwind_Backtrace(collectFrame, &U);
  if (T->NumFrames == 0)
    T->Frames[T->NumFrames++] = CallerPc;

  // Without TSan there is no symbolizer to read the callable's type with.
  if (!__sanitizer_get_allocated_size || !T->Arg ||
      !isStdThreadEntry((void *)T->Entry))
    return;
  void **State = T->Arg;
  size_t Size = __sanitizer_get_allocated_size(State);
  if (Size < 2 * sizeof(void *) || Size % sizeof(void *))
    return;
  T->RunFn = (*(void ***)State)[2];
  T->LastWord = State[Size / sizeof(void *) - 1];
}

//===--- Symbolizing ------------------------------------------------------===//

enum { RlCacheSlots = 256, RlCacheProbes = 8, RlAnswerSize = 4096 };

typedef struct RlCacheSlot {
  uintptr_t Pc;
  const char *Answer;
} RlCacheSlot;

/// Filled lock-free: a slot is claimed by a CAS on Pc, then Answer is
/// published; a reader finding Pc with no Answer yet asks the symbolizer.
static RlCacheSlot Cache[RlCacheSlots];

static size_t answerLength(const char *Answer) {
  const char *P = Answer;
  while (*P)
    P += strlen(P) + 1;
  return (size_t)(P - Answer) + 1;
}

static RlCacheSlot *slotFor(uintptr_t Pc, size_t Probe) {
  return &Cache[((Pc >> 2) * 2654435761u + Probe) % RlCacheSlots];
}

/// The symbolizer's answer for the instruction before \p Pc: one string per
/// frame, innermost inlined frame first, each "function\tfile\tline\tcolumn"
/// and NUL-terminated, the list ending with an empty string.
/// NULL in a program without TSan.
static const char *symbolize(uintptr_t Pc, char *Scratch) {
  if (!__sanitizer_symbolize_pc)
    return NULL;
  for (size_t Probe = 0; Probe < RlCacheProbes; ++Probe) {
    RlCacheSlot *Slot = slotFor(Pc, Probe);
    uintptr_t Key = __atomic_load_n(&Slot->Pc, __ATOMIC_ACQUIRE);
    if (Key == 0)
      break;
    if (Key != Pc)
      continue;
    const char *Answer = __atomic_load_n(&Slot->Answer, __ATOMIC_ACQUIRE);
    if (Answer)
      return Answer;
    break;
  }

  Scratch[0] = Scratch[1] = 0;
  __sanitizer_symbolize_pc((void *)Pc, "%f\t%s\t%l\t%c", Scratch, RlAnswerSize);
  size_t Length = answerLength(Scratch);
  char *Copy = malloc(Length);
  if (!Copy)
    return Scratch;
  memcpy(Copy, Scratch, Length);
  for (size_t Probe = 0; Probe < RlCacheProbes; ++Probe) {
    RlCacheSlot *Slot = slotFor(Pc, Probe);
    uintptr_t Expected = 0;
    if (__atomic_compare_exchange_n(&Slot->Pc, &Expected, Pc, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
      __atomic_store_n(&Slot->Answer, Copy, __ATOMIC_RELEASE);
      return Copy;
    }
    if (Expected == Pc)
      break;
  }
  free(Copy);
  return Scratch;
}

/// One frame of an answer, split at its tabs.
enum { RlFunction, RlFile, RlLineNo, RlColumn, RlNumFields };

typedef struct RlFrame {
  const char *Field[RlNumFields];
  size_t Length[RlNumFields];
} RlFrame;

static void splitFrame(const char *Text, RlFrame *F) {
  for (int I = 0; I < RlNumFields; ++I) {
    const char *End = strchr(Text, '\t');
    size_t Length = End ? (size_t)(End - Text) : strlen(Text);
    F->Field[I] = Text;
    F->Length[I] = Length;
    Text += Length + (End != NULL);
  }
}

static RlBool fieldIs(const RlFrame *F, int Field, const char *S) {
  return F->Length[Field] == strlen(S) &&
         memcmp(F->Field[Field], S, F->Length[Field]) == 0;
}

static RlBool isKnown(const RlFrame *F, int Field) {
  return F->Length[Field] && !fieldIs(F, Field, "<null>") &&
         !fieldIs(F, Field, "??") && !fieldIs(F, Field, "0");
}

static RlBool startsWith(const char *S, size_t Length, const char *Prefix) {
  size_t N = strlen(Prefix);
  return Length >= N && memcmp(S, Prefix, N) == 0;
}

/// A frame with a line in a file that is not a system or library header.
static RlBool isProgramFrame(const RlFrame *F) {
  if (!isKnown(F, RlFile) || !isKnown(F, RlLineNo))
    return 0;
  const char *File = F->Field[RlFile];
  size_t Length = F->Length[RlFile];
  static const char *const SystemDirs[] = {"/usr/include/", "/usr/lib/",
                                           "/usr/local/include/"};
  for (size_t I = 0; I < sizeof(SystemDirs) / sizeof(SystemDirs[0]); ++I)
    if (startsWith(File, Length, SystemDirs[I]))
      return 0;
  return 1;
}

static void copyField(RlLine *L, const RlFrame *F, int Field) {
  char Text[1024];
  size_t N =
      F->Length[Field] < sizeof(Text) - 1 ? F->Length[Field] : sizeof(Text) - 1;
  memcpy(Text, F->Field[Field], N);
  Text[N] = 0;
  __racelint_lineAppend(L, Text);
}

static void emit(const RlLine *L, char *Buf, size_t Size) {
  size_t N = L->Len < Size - 1 ? L->Len : Size - 1;
  memcpy(Buf, L->Buf, N);
  Buf[N] = 0;
}

static void appendHex(RlLine *L, uintptr_t V) {
  char Digits[2 + 2 * sizeof(V) + 1];
  size_t I = sizeof(Digits);
  Digits[--I] = 0;
  do
    Digits[--I] = "0123456789abcdef"[V & 15];
  while ((V >>= 4) != 0);
  Digits[--I] = 'x';
  Digits[--I] = '0';
  __racelint_lineAppend(L, Digits + I);
}

/// "module+0xoffset" of \p Address, from dladdr.
static void appendModuleOffset(RlLine *L, uintptr_t Address) {
  Dl_info Info;
  if (!dladdr((void *)Address, &Info) || !Info.dli_fname) {
    appendHex(L, Address);
    return;
  }
  __racelint_lineAppend(L, Info.dli_fname);
  __racelint_lineAppend(L, "+");
  appendHex(L, Address - (uintptr_t)Info.dli_fbase);
}

static RlBool endsWith(const char *S, size_t Length, const char *Suffix) {
  size_t N = strlen(Suffix);
  return Length > N && memcmp(S + Length - N, Suffix, N) == 0;
}

/// "worker()" -> "worker", "S::run() const" -> "S::run".
static void stripParameters(char *Name) {
  static const char *const Qualifiers[] = {" const", " volatile", " &&", " &",
                                           " noexcept"};
  size_t Length = strlen(Name);
  for (size_t I = 0; I < sizeof(Qualifiers) / sizeof(Qualifiers[0]);) {
    if (!endsWith(Name, Length, Qualifiers[I])) {
      ++I;
      continue;
    }
    Length -= strlen(Qualifiers[I]);
    I = 0;
  }
  Name[Length] = 0;
  if (Length == 0 || Name[Length - 1] != ')')
    return;
  int Depth = 0;
  for (size_t I = Length; I-- > 0;) {
    Depth += Name[I] == ')';
    Depth -= Name[I] == '(';
    if (Depth == 0 && I > 0) {
      Name[I] = 0;
      return;
    }
  }
}

/// The name of the function that starts at \p Fn, into \p L; returns whether
/// it was found (module+offset is written otherwise).
static RlBool appendFunction(RlLine *L, void *Fn) {
  char Scratch[RlAnswerSize];
  // The symbolizer looks up the instruction before its argument.
  const char *Answer = symbolize((uintptr_t)Fn + 1, Scratch);
  if (Answer && *Answer) {
    // The outermost frame of the answer is the function itself.
    const char *Last = Answer;
    for (const char *P = Answer; *P; P += strlen(P) + 1)
      Last = P;
    RlFrame F;
    splitFrame(Last, &F);
    if (isKnown(&F, RlFunction)) {
      RlLine Name = {.Len = 0};
      copyField(&Name, &F, RlFunction);
      Name.Buf[Name.Len] = 0;
      stripParameters(Name.Buf);
      __racelint_lineAppend(L, Name.Buf);
      return 1;
    }
  }
  Dl_info Info;
  if (dladdr(Fn, &Info) && Info.dli_sname && Info.dli_saddr == Fn) {
    __racelint_lineAppend(L, Info.dli_sname);
    return 1;
  }
  appendModuleOffset(L, (uintptr_t)Fn);
  return 0;
}

/// Finds the first template argument of "std::tuple<" in \p Name.
static RlBool firstTupleElement(const char *Name, const char **Begin,
                                size_t *Length) {
  const char *P = strstr(Name, "std::tuple<");
  if (!P)
    return 0;
  P += strlen("std::tuple<");
  while (*P == ' ')
    ++P;
  int Depth = 0;
  const char *Q = P;
  for (; *Q; ++Q) {
    if (*Q == '<' || *Q == '(' || *Q == '[')
      ++Depth;
    else if ((*Q == '>' || *Q == ')' || *Q == ']') && Depth > 0)
      --Depth;
    else if (Depth == 0 && (*Q == ',' || *Q == '>'))
      break;
  }
  if (!*Q)
    return 0;
  while (Q > P && Q[-1] == ' ')
    --Q;
  *Begin = P;
  *Length = (size_t)(Q - P);
  return *Length != 0;
}

/// A std::thread's callable, named as the comment at the top says.
static RlBool appendStdThreadEntry(RlLine *L, const RlThread *T) {
  RlLine Run = {.Len = 0};
  if (!appendFunction(&Run, T->RunFn))
    return 0;
  Run.Buf[Run.Len] = 0;
  static const char StateImpl[] = "std::thread::_State_impl<";
  if (strncmp(Run.Buf, StateImpl, sizeof(StateImpl) - 1) != 0)
    return 0;
  const char *Type;
  size_t Length;
  if (!firstTupleElement(Run.Buf, &Type, &Length))
    return 0;
  char Callable[512];
  if (Length >= sizeof(Callable))
    Length = sizeof(Callable) - 1;
  memcpy(Callable, Type, Length);
  Callable[Length] = 0;
  // FIXME: a pointer to member function ("void (S::*)()") is two words and is
  // named by its type only.
  if (strstr(Callable, "(*)")) {
    RlLine Fn = {.Len = 0};
    if (appendFunction(&Fn, T->LastWord)) {
      Fn.Buf[Fn.Len] = 0;
      __racelint_lineAppend(L, Fn.Buf);
      return 1;
    }
  }
  __racelint_lineAppend(L, Callable);
  return 1;
}

void __racelint_nameEntry(const RlThread *T, char *Buf, size_t Size) {
  RlLine L = {.Len = 0};
  if (!T->RunFn || !appendStdThreadEntry(&L, T)) {
    L.Len = 0;
    appendFunction(&L, (void *)T->Entry);
  }
  emit(&L, Buf, Size);
}

void __racelint_nameSite(const RlThread *T, char *Buf, size_t Size) {
  RlLine L = {.Len = 0};
  char Scratch[RlAnswerSize];
  for (int I = 0; I < T->NumFrames; ++I) {
    const char *Answer = symbolize((uintptr_t)T->Frames[I], Scratch);
    if (!Answer)
      break;
    for (const char *P = Answer; *P; P += strlen(P) + 1) {
      RlFrame F;
      splitFrame(P, &F);
      if (!isProgramFrame(&F))
        continue;
      copyField(&L, &F, RlFile);
      __racelint_lineAppend(&L, ":");
      copyField(&L, &F, RlLineNo);
      if (isKnown(&F, RlColumn)) {
        __racelint_lineAppend(&L, ":");
        copyField(&L, &F, RlColumn);
      }
      emit(&L, Buf, Size);
      return;
    }
  }
  // No debug information: the first frame in the executable (the shim is
  // linked into it), as module+offset.
  Dl_info Executable, Frame;
  void *Pc = T->Frames[0];
  if (dladdr((void *)__racelint_nameSite, &Executable))
    for (int I = 0; I < T->NumFrames; ++I)
      if (dladdr((char *)T->Frames[I] - 1, &Frame) &&
          Frame.dli_fbase == Executable.dli_fbase) {
        Pc = T->Frames[I];
        break;
      }
  // A return address: the call is the instruction before it.
  appendModuleOffset(&L, (uintptr_t)Pc - 1);
  emit(&L, Buf, Size);
}
