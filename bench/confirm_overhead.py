#!/usr/bin/env python3
"""The cost of racelint's runtime shim, and of a full racelint-confirm loop.

1. Shim overhead: every runnable sample is built twice with clang -fsanitize=thread
   -g, once plain and once with libracelint_rt.a linked whole-archive, and the two
   are run alternately in this one invocation (so both see the same machine load).
   Reported per sample as median wall times and their ratio, for the shim as linked
   (no flags) and as racelint-confirm runs it (events file, TSan log to a folder;
   no race windows, which are meant to slow the program down).
2. Confirm loop: the wall time of `racelint-confirm samples/money/money_race.cpp
   -- -std=c++17 -pthread` (racelint, probes, TSan build, run, fix-its on a copy,
   rebuild, rerun), end to end.

Usage: bench/confirm_overhead.py [--build DIR] [--repeat N] [--loops N]
Needs a build with racelint, racelint-confirm and racelint_rt (DIR/bin, DIR/lib,
DIR/include). Samples run with their short default timings.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (source, compile flags, program arguments). The TCP server needs its client
# and gil_timing measures timings itself; neither is a plain run.
SAMPLES = [
    ("money/money_race.c", ["-std=c11"], []),
    ("money/money_locked.c", ["-std=c11"], []),
    ("money/money_atomic.c", ["-std=c11"], []),
    ("money/money_race.cpp", ["-std=c++17"], []),
    ("money/money_locked.cpp", ["-std=c++17"], []),
    ("money/money_atomic.cpp", ["-std=c++17"], []),
    ("daemon/daemon_race.c", ["-std=c11"], []),
    ("daemon/daemon_fixed.c", ["-std=c11"], []),
    ("daemon/daemon_race.cpp", ["-std=c++17"], []),
    ("daemon/daemon_fixed.cpp", ["-std=c++17"], []),
    ("gil/gil_race.cpp", ["-std=c++17"], []),
    ("gil/gil_fixed.cpp", ["-std=c++17"], []),
    ("thread_ways/thread_ways.cpp", ["-std=c++17"], []),
    ("process_vs_thread/process_vs_thread.c", ["-std=c11"], []),
]


def compiler(source):
    return "clang++-19" if source.endswith(".cpp") else "clang-19"


def build(source, flags, output, runtime):
    cmd = [compiler(source), "-fsanitize=thread", "-g", "-pthread", *flags,
           os.path.join(ROOT, "samples", source), "-o", output]
    if runtime:
        cmd += ["-Wl,--whole-archive", runtime, "-Wl,--no-whole-archive"]
    subprocess.run(cmd, check=True)


def environment(events_dir=None):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("RACELINT_RT_") and k != "RACELINT_LECTURE_TIMING"}
    # Like racelint-confirm: no exit sleep, so a daemon thread does not add 1 s.
    options = "atexit_sleep_ms=0"
    if events_dir:
        options += ":log_path=" + os.path.join(events_dir, "tsan")
        env["RACELINT_RT_EVENTS_DIR"] = events_dir
        env["RACELINT_RT_REPORT_ALIVE"] = "0"
    env["TSAN_OPTIONS"] = options
    return env


def timed(cmd, env):
    start = time.monotonic()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of each build per sample (default 5)")
    parser.add_argument("--loops", type=int, default=1,
                        help="full racelint-confirm loops to time (default 1)")
    args = parser.parse_args()

    build_dir = os.path.abspath(args.build)
    runtime = os.path.join(build_dir, "lib", "libracelint_rt.a")
    confirm = os.path.join(build_dir, "bin", "racelint-confirm")
    for needed in (runtime, confirm):
        if not os.path.exists(needed):
            sys.exit(f"confirm_overhead: {needed} is missing; build racelint-confirm")

    work = tempfile.mkdtemp(prefix="racelint-bench-")
    try:
        print(f"shim overhead over plain TSan: medians of {args.repeat} runs each, "
              "alternating, in this one invocation")
        print(f"{'sample':38} {'plain':>8} {'shim':>8} {'ratio':>6} "
              f"{'confirm-style':>13} {'ratio':>6} {'extra':>8}")
        plain_total = shim_total = events_total = 0.0
        for source, flags, run_args in SAMPLES:
            name = source.replace("/", "_")
            plain = os.path.join(work, name + ".plain")
            shim = os.path.join(work, name + ".shim")
            build(source, flags, plain, None)
            build(source, flags, shim, runtime)
            times = {"plain": [], "shim": [], "events": []}
            for i in range(args.repeat):
                events = os.path.join(work, f"{name}.events.{i}")
                os.makedirs(events)
                times["plain"].append(timed([plain, *run_args], environment()))
                times["shim"].append(timed([shim, *run_args], environment()))
                times["events"].append(
                    timed([shim, *run_args], environment(events)))
            p, s, e = (statistics.median(times[k])
                       for k in ("plain", "shim", "events"))
            plain_total, shim_total, events_total = (
                plain_total + p, shim_total + s, events_total + e)
            print(f"{source:38} {p:7.3f}s {s:7.3f}s {s / p:5.2f}x "
                  f"{e:12.3f}s {e / p:5.2f}x {1000 * (e - p):6.0f}ms")
        count = len(SAMPLES)
        print(f"{'all samples (sum of medians)':38} {plain_total:7.3f}s "
              f"{shim_total:7.3f}s {shim_total / plain_total:5.2f}x "
              f"{events_total:12.3f}s {events_total / plain_total:5.2f}x "
              f"{1000 * (events_total - plain_total) / count:6.0f}ms")
        # The shim's events are symbolized as they are written, through TSan's
        # external llvm-symbolizer: starting that process once is a fixed cost
        # per run (the "extra" column), large beside these short programs.
        print("extra: confirm-style minus plain, per run (the last row: mean)")

        print()
        money = os.path.join(ROOT, "samples", "money", "money_race.cpp")
        cmd = [confirm, money, "--", "-std=c++17", "-pthread"]
        print("full confirm loop: " + " ".join(
            os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in cmd))
        loops = []
        for _ in range(args.loops):
            start = time.monotonic()
            result = subprocess.run(cmd, env=environment(), capture_output=True,
                                    text=True)
            loops.append(time.monotonic() - start)
            if result.returncode != 0:
                print(result.stdout + result.stderr)
                sys.exit(f"confirm_overhead: racelint-confirm exited "
                         f"{result.returncode}")
        print(result.stdout.rstrip())
        print(f"wall time: {statistics.median(loops):.2f} s "
              f"(median of {len(loops)}; load average "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
