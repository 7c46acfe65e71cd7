//===--- rl_flags.c - Reading the flag table from the environment ---------===//
//
// One parser per flag type; the table in rl_flags.inc drives both reading
// and the 'help' listing, so a new flag is one line there.
//
//===----------------------------------------------------------------------===//
#include "rl_internal.h"

#include <stdlib.h>
#include <string.h>

RlFlags __racelint_flags;

/// "events_dir" -> "RACELINT_RT_EVENTS_DIR".
static void envName(const char *Name, char *Buf, size_t Size) {
  static const char Prefix[] = "RACELINT_RT_";
  size_t Len = sizeof(Prefix) - 1;
  memcpy(Buf, Prefix, Len);
  for (; *Name && Len + 1 < Size; ++Name)
    Buf[Len++] = (*Name >= 'a' && *Name <= 'z') ? *Name - 'a' + 'A' : *Name;
  Buf[Len] = 0;
}

static void warnBadValue(const char *Env, const char *Value) {
  RlLine L = {.Len = 0};
  __racelint_lineAppend(&L, "racelint-rt: ignoring ");
  __racelint_lineAppend(&L, Env);
  __racelint_lineAppend(&L, "='");
  __racelint_lineAppend(&L, Value);
  __racelint_lineAppend(&L, "': not a valid value");
  __racelint_stderrWrite(&L);
}

static void parseBool(RlBool *Out, const char *Env, const char *Value) {
  static const char *const True[] = {"1", "true", "yes", "on"};
  static const char *const False[] = {"0", "false", "no", "off"};
  for (size_t I = 0; I < sizeof(True) / sizeof(True[0]); ++I) {
    if (strcmp(Value, True[I]) == 0) {
      *Out = 1;
      return;
    }
    if (strcmp(Value, False[I]) == 0) {
      *Out = 0;
      return;
    }
  }
  warnBadValue(Env, Value);
}

static void parseInt(RlInt *Out, const char *Env, const char *Value) {
  char *End;
  long V = strtol(Value, &End, 10);
  if (End == Value || *End || V < 0 || V > 1000000) {
    warnBadValue(Env, Value);
    return;
  }
  *Out = (RlInt)V;
}

/// A copy, since the program may change its environment later.
static void parseStr(RlStr *Out, const char *Env, const char *Value) {
  (void)Env;
  *Out = strdup(Value);
}

static void printFlag(const char *Env, const char *Type, const char *Value,
                      const char *Help) {
  RlLine L = {.Len = 0};
  __racelint_lineAppend(&L, "  ");
  __racelint_lineAppend(&L, Env);
  __racelint_lineAppend(&L, "=");
  __racelint_lineAppend(&L, Value);
  __racelint_lineAppend(&L, " (");
  __racelint_lineAppend(&L, Type);
  __racelint_lineAppend(&L, "): ");
  __racelint_lineAppend(&L, Help);
  __racelint_stderrWrite(&L);
}

static void printBool(const char *Env, RlBool V, const char *Help) {
  printFlag(Env, "bool", V ? "1" : "0", Help);
}

static void printInt(const char *Env, RlInt V, const char *Help) {
  RlLine Num = {.Len = 0};
  __racelint_lineAppendUInt(&Num, (uint64_t)V);
  Num.Buf[Num.Len] = 0;
  printFlag(Env, "int", Num.Buf, Help);
}

static void printStr(const char *Env, RlStr V, const char *Help) {
  printFlag(Env, "string", V ? V : "", Help);
}

void __racelint_flagsInit(void) {
  char Env[64];
  const char *Value;
#define RACELINT_RT_FLAG(Type, Name, Default, Help)                            \
  __racelint_flags.Name = Default;                                             \
  envName(#Name, Env, sizeof(Env));                                            \
  Value = getenv(Env);                                                         \
  if (Value && *Value)                                                         \
    parse##Type(&__racelint_flags.Name, Env, Value);
#include "rl_flags.inc"
#undef RACELINT_RT_FLAG

  if (!__racelint_flags.help)
    return;
  RlLine L = {.Len = 0};
  __racelint_lineAppend(&L, "racelint-rt: flags, read from the environment "
                            "once at start:");
  __racelint_stderrWrite(&L);
#define RACELINT_RT_FLAG(Type, Name, Default, Help)                            \
  envName(#Name, Env, sizeof(Env));                                            \
  print##Type(Env, __racelint_flags.Name, Help);
#include "rl_flags.inc"
#undef RACELINT_RT_FLAG
}
