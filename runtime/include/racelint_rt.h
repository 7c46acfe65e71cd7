/*===--- racelint_rt.h - The racelint runtime's C ABI -----------*- C -*-===*\
|*                                                                          *|
|* libracelint_rt.a is linked (whole-archive) into programs built with      *|
|* -fsanitize=thread. Linking it is all thread-lifetime tracking and the    *|
|* events file need; this header is only for race-window probes. It         *|
|* includes nothing and every symbol it declares starts with __racelint_.   *|
|* docs/runtime.md describes the flags, the output and the events file.     *|
|*                                                                          *|
\*===----------------------------------------------------------------------===*/
#ifndef RACELINT_RT_H
#define RACELINT_RT_H

#ifdef __cplusplus
extern "C" {
#endif

/// Race-window probe. When RACELINT_RT_WINDOWS (or the file named by
/// RACELINT_RT_WINDOWS_FILE) names file:line, pauses the calling thread for
/// that window's length; otherwise returns at once. \p file matches a window
/// when one of the two paths ends with the other at a '/' boundary, so a
/// window "money.c:14" matches a probe passing "/tmp/copy/money.c". Safe to
/// call from any thread, before or after main.
void __racelint_window(const char *file, unsigned line);

#ifdef __cplusplus
}
#endif

#endif /* RACELINT_RT_H */
