// gil_timing.cpp - threads or processes? It depends on the work.
//
// Runs the same CPU-bound and IO-bound (sleeping) work with one thread, with
// N threads, with N threads under one GIL-like global lock (held to compute,
// released to sleep), and with N processes, and prints the wall times. Under
// the global lock only IO-bound work scales; processes scale for both.

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace {

enum class Work { Cpu, Io };
enum class Mode { OneThread, Threads, GlobalLock, Processes };

struct Settings {
  int workers;
  unsigned long cpu_iterations;       // per worker
  std::chrono::milliseconds io_pause; // per worker
};

// Stands for CPython's GIL: one lock for the whole "interpreter".
std::mutex interpreter_lock;

// CPython hands the GIL over every few milliseconds; the CPU work is cut into
// this many slices so the threads under the lock take turns the same way.
const int slice_count = 20;

// RACELINT_LECTURE_TIMING=1 makes each worker's share ten times larger (the IO
// share is the lecture's 0.1 s sleep) so the differences stand out above noise;
// the default keeps the whole run well under 2 s.
bool lectureTiming() {
  const char *value = std::getenv("RACELINT_LECTURE_TIMING");
  return value && std::strcmp(value, "1") == 0;
}

// A dependent chain of xorshift steps: pure CPU, no memory traffic.
unsigned long burn(unsigned long iterations) {
  unsigned long x = 88172645463325252UL;
  for (unsigned long i = 0; i < iterations; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
  }
  return x;
}

void work(Work kind, const Settings &settings) {
  if (kind == Work::Io) {
    std::this_thread::sleep_for(settings.io_pause);
    return;
  }
  // volatile: the result must be computed even though nobody reads it.
  volatile unsigned long result = burn(settings.cpu_iterations);
  (void)result;
}

// One worker's share as CPython runs it: the global lock is held while
// computing and dropped around the blocking call.
void workUnderGlobalLock(Work kind, const Settings &settings) {
  if (kind == Work::Io) {
    std::this_thread::sleep_for(settings.io_pause);
    return;
  }
  for (int slice = 0; slice < slice_count; ++slice) {
    std::lock_guard<std::mutex> gil(interpreter_lock);
    volatile unsigned long result = burn(settings.cpu_iterations / slice_count);
    (void)result;
  }
}

void runThreads(Work kind, const Settings &settings, bool global_lock) {
  std::vector<std::thread> threads;
  for (int i = 0; i < settings.workers; ++i)
    threads.emplace_back(global_lock ? workUnderGlobalLock : work, kind,
                         std::cref(settings));
  for (std::thread &t : threads)
    t.join();
}

// Only main's thread is alive here: every thread above has been joined, so
// fork copies nothing half-done. Children leave with _exit, never flushing a
// copy of the parent's stdio buffers.
bool runProcesses(Work kind, const Settings &settings) {
  std::vector<pid_t> children;
  bool ok = true;
  for (int i = 0; i < settings.workers; ++i) {
    pid_t pid = fork();
    if (pid == 0) {
      work(kind, settings);
      _exit(0);
    }
    if (pid < 0) {
      ok = false;
      break;
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0)
      ok = false;
  }
  return ok;
}

// Wall time of one run, in seconds; negative if a child process failed.
double timeRun(Mode mode, Work kind, const Settings &settings) {
  auto start = std::chrono::steady_clock::now();
  bool ok = true;
  switch (mode) {
  case Mode::OneThread:
    for (int i = 0; i < settings.workers; ++i)
      work(kind, settings);
    break;
  case Mode::Threads:
    runThreads(kind, settings, /*global_lock=*/false);
    break;
  case Mode::GlobalLock:
    runThreads(kind, settings, /*global_lock=*/true);
    break;
  case Mode::Processes:
    ok = runProcesses(kind, settings);
    break;
  }
  std::chrono::duration<double> elapsed =
      std::chrono::steady_clock::now() - start;
  return ok ? elapsed.count() : -1.0;
}

const char *modeName(Mode mode) {
  switch (mode) {
  case Mode::OneThread:
    return "one thread";
  case Mode::Threads:
    return "threads";
  case Mode::GlobalLock:
    return "threads + global lock";
  case Mode::Processes:
    return "processes";
  }
  return "?";
}

} // namespace

int main() {
  Settings settings{4, 20000000UL, std::chrono::milliseconds(20)};
  if (lectureTiming()) {
    settings.cpu_iterations *= 10;
    settings.io_pause = std::chrono::milliseconds(100);
  }

  std::printf("%d workers; each does %lu xorshift steps (cpu-bound) or "
              "sleeps %lld ms (io-bound)\n",
              settings.workers, settings.cpu_iterations,
              static_cast<long long>(settings.io_pause.count()));
  std::printf("%-24s %10s %10s\n", "mode", "cpu-bound", "io-bound");
  bool ok = true;
  for (Mode mode :
       {Mode::OneThread, Mode::Threads, Mode::GlobalLock, Mode::Processes}) {
    double cpu = timeRun(mode, Work::Cpu, settings);
    double io = timeRun(mode, Work::Io, settings);
    ok = ok && cpu >= 0 && io >= 0;
    std::printf("%-24s %8.3f s %8.3f s\n", modeName(mode), cpu, io);
  }
  return ok ? 0 : 1;
}
