#!/usr/bin/env python3
"""racelint's benchmark: time and peak memory against the parse floor.

For each input, racelint and `clang -fsyntax-only` (clang-19 for C, clang++-19 for C++)
run with the same flags, alternating, several times; the median of each is compared.
Every measurement is a fresh child process, waited for with os.wait4: its wall time as
seen from here, its CPU time (user + system) and its peak resident set (ru_maxrss).

Inputs: every sample under samples/ and every input under bench/repro/ that once
crashed racelint, generated TUs (gen_tu.py) of growing size, and a generated project
(gen_project.py) analysed with `racelint -p DIR` at -j1 and -j2 against clang++-19
-fsyntax-only over the same database. It also checks racelint's
findings on the generated inputs against their `bench-expect` / `bench-clean` marks.

A benchmark, not a test: the exit status is 0 whatever the ratios, 2 when racelint or
clang is missing. Targets are printed beside the ratios.
"""

import argparse
import collections
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

import gen_project
import gen_tu

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_DIR = os.path.dirname(BENCH_DIR)

TARGET_WALL = 1.3
TARGET_RSS = 1.5
TARGET_SPEEDUP = 1.8

C_FLAGS = ["-std=c11", "-pthread"]
CXX_FLAGS = ["-std=c++17", "-pthread"]

FINDING = re.compile(
    r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): warning: (?P<message>.*) "
    r"\[(?P<rule>[\w-]+)\]$")
MARK = re.compile(r"// bench-(?:expect: (?P<rule>[\w-]+)|(?P<clean>clean))")


# --- Measuring one child ---------------------------------------------------------

class Measurement:
    """One child's wall time, CPU time and peak RSS, and how it ended."""

    def __init__(self, wall, cpu, rss_kb, exit_code, timed_out, stderr_tail):
        self.wall = wall
        self.cpu = cpu
        self.rss_kb = rss_kb
        self.exit_code = exit_code
        self.timed_out = timed_out
        self.stderr_tail = stderr_tail

    def problem(self, ok_codes):
        """A short description of what went wrong, or None."""
        if self.timed_out:
            return "TIMEOUT"
        if self.exit_code < 0:
            return f"CRASH ({signal.Signals(-self.exit_code).name})"
        if self.exit_code not in ok_codes:
            return f"EXIT {self.exit_code}"
        return None


def kill_group(pid, fired):
    fired.set()
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def tail(path, limit=3000):
    with open(path, "rb") as stream:
        data = stream.read()
    return data[-limit:].decode(errors="replace")


def could_not_start(error):
    return Measurement(0, 0, 0, 127, False, f"could not start: {error}")


def measure(argv, cwd, timeout, stdout_path, stderr_path):
    """Run argv once in its own process group; wait4 gives its resource usage.

    A process group, not a session: Linux's scheduler autogroups give each session an
    equal share of a busy machine, so two clang processes in two sessions would get
    twice the CPU of racelint's two threads in one. Every child stays in this session.
    """
    fired = threading.Event()
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                                    stderr=err, process_group=0)
        except OSError as error:
            return could_not_start(error)
        timer = threading.Timer(timeout, kill_group, (proc.pid, fired))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss,
                       proc.returncode, fired.is_set(), tail(stderr_path))


def measure_many(commands, cwd, timeout, jobs, stdout_path, stderr_path):
    """Run commands with at most `jobs` at once; wall of the whole, CPU summed, RSS max.

    Used for the parse floor over a database: one clang process per file, as a build
    would run them. The first failing child stops the series.
    """
    pending = list(commands)
    running = {}
    wall_start = time.perf_counter()
    cpu, rss, failure = 0.0, 0, None
    while (pending or running) and failure is None:
        while pending and len(running) < jobs:
            fired = threading.Event()
            out = open(stdout_path, "ab")
            err = open(stderr_path, "wb")
            try:
                proc = subprocess.Popen(pending.pop(0), cwd=cwd, stdin=subprocess.DEVNULL,
                                        stdout=out, stderr=err, process_group=0)
            except OSError as error:
                out.close()
                err.close()
                failure = could_not_start(error)
                break
            timer = threading.Timer(timeout, kill_group, (proc.pid, fired))
            timer.start()
            running[proc.pid] = (proc, timer, fired, out, err)
        pid, status, usage = os.wait4(-1, 0)
        if pid not in running:
            continue
        proc, timer, fired, out, err = running.pop(pid)
        timer.cancel()
        out.close()
        err.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu += usage.ru_utime + usage.ru_stime
        rss = max(rss, usage.ru_maxrss)
        if fired.is_set() or proc.returncode != 0:
            failure = Measurement(0, 0, 0, proc.returncode, fired.is_set(), tail(stderr_path))
    for proc, timer, fired, out, err in running.values():
        kill_group(proc.pid, fired)
        proc.wait()
        timer.cancel()
        out.close()
        err.close()
    if failure is not None:
        return failure
    return Measurement(time.perf_counter() - wall_start, cpu, rss, 0, False, "")


# --- Comparing racelint with the parse floor --------------------------------------

class Tool:
    """One side of a comparison: how to run it, and which exit codes are normal."""

    def __init__(self, name, run, ok_codes):
        self.name = name
        self.run = run  # (stdout_path, stderr_path) -> Measurement
        self.ok_codes = ok_codes


class Result:
    """The medians of one tool on one input, or the problem that stopped it."""

    def __init__(self, measurements, problem, stderr_tail):
        self.problem = problem
        self.stderr_tail = stderr_tail
        self.wall = median(m.wall for m in measurements)
        self.cpu = median(m.cpu for m in measurements)
        self.rss_kb = median(m.rss_kb for m in measurements)


def median(values):
    values = list(values)
    return statistics.median(values) if values else None


def compare(tools, reps, log_dir, label):
    """Run the tools alternately, reps times; returns {tool name: Result}.

    The order flips every repetition so neither side always runs on a warm cache. A
    tool that fails is not run again; its last stdout is kept in log_dir for checking.
    """
    done = {tool.name: [] for tool in tools}
    problems = {}
    for rep in range(reps):
        order = tools if rep % 2 == 0 else list(reversed(tools))
        for tool in order:
            if tool.name in problems:
                continue
            base = os.path.join(log_dir, f"{label}.{slug(tool.name)}")
            measurement = tool.run(base + ".out", base + ".err")
            problem = measurement.problem(tool.ok_codes)
            if problem:
                problems[tool.name] = (problem, measurement.stderr_tail)
                continue
            done[tool.name].append(measurement)
        progress(f"  {label}: repetition {rep + 1}/{reps} done")
    return {tool.name: Result(done[tool.name], *problems.get(tool.name, (None, "")))
            for tool in tools}


def slug(text):
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")


def progress(text):
    print(text, file=sys.stderr, flush=True)


def single(argv, cwd, timeout, ok_codes, name):
    return Tool(name, lambda out, err: measure(argv, cwd, timeout, out, err), ok_codes)


# --- Inputs -----------------------------------------------------------------------

def count_lines(path):
    with open(path, "rb") as stream:
        return sum(1 for _ in stream)


def sources_under(folder):
    found = []
    for parent, _, files in os.walk(folder):
        found += [os.path.join(parent, f) for f in files if f.endswith((".c", ".cpp"))]
    return sorted(found)


def sample_files():
    """The samples, then the inputs that once crashed racelint (bench/repro/)."""
    return (sources_under(os.path.join(REPO_DIR, "samples"))
            + sources_under(os.path.join(BENCH_DIR, "repro")))


def flags_and_compiler(path, tools):
    if path.endswith(".c"):
        return C_FLAGS, tools["clang"]
    return CXX_FLAGS, tools["clang++"]


def pair_for_file(path, tools, timeout, cwd):
    flags, compiler = flags_and_compiler(path, tools)
    parse = [compiler, "-fsyntax-only"] + flags + [path]
    lint = [tools["racelint"], path, "--"] + flags
    return [single(parse, cwd, timeout, (0,), "parse"),
            single(lint, cwd, timeout, (0, 1), "racelint")]


def parse_commands(database_path, compiler):
    """The database's compile commands turned into clang -fsyntax-only runs."""
    with open(database_path) as stream:
        entries = json.load(stream)
    commands = []
    for entry in entries:
        args, skip = [], False
        for arg in entry["arguments"][1:]:
            if skip:
                skip = False
            elif arg == "-o":
                skip = True
            elif arg != "-c":
                args.append(arg)
        commands.append([compiler, "-fsyntax-only"] + args)
    return commands


# --- Checking findings against the marks ------------------------------------------

def marks_in(paths):
    """{(real path, line): rule or 'clean'} from the bench-expect / bench-clean marks."""
    marks = {}
    for path in paths:
        real = os.path.realpath(path)
        with open(path) as stream:
            for number, text in enumerate(stream, 1):
                match = MARK.search(text)
                if match:
                    marks[(real, number)] = match.group("rule") or "clean"
    return marks


def findings_in(output_path):
    """[(real path, line, rule, message)] from racelint's text output."""
    found = []
    with open(output_path, errors="replace") as stream:
        for text in stream:
            match = FINDING.match(text.rstrip("\n"))
            if match:
                found.append((os.path.realpath(match.group("file")), int(match.group("line")),
                              match.group("rule"), match.group("message")))
    return found


def check_findings(findings, marks):
    """Per rule: reported, planted, found; and the findings that match no expectation."""
    planted = collections.Counter(rule for rule in marks.values() if rule != "clean")
    reported = collections.Counter(rule for _, _, rule, _ in findings)
    hit, surprises = set(), []
    for path, line, rule, message in findings:
        mark = marks.get((path, line))
        if mark == rule:
            hit.add((path, line))
        elif mark == "clean":
            surprises.append(("on a clean line", path, line, rule, message))
        elif mark is None:
            surprises.append(("on an unmarked line", path, line, rule, message))
        else:
            surprises.append((f"expected {mark}", path, line, rule, message))
    found = collections.Counter(marks[key] for key in hit)
    missed = [(key, rule) for key, rule in sorted(marks.items())
              if rule != "clean" and key not in hit]
    duplicates = len(findings) - len(set((p, l, r) for p, l, r, _ in findings))
    return {"planted": planted, "reported": reported, "found": found,
            "surprises": surprises, "missed": missed, "duplicates": duplicates}


# --- Formatting -------------------------------------------------------------------

def seconds(value):
    return "-" if value is None else f"{value:.2f}"


def megabytes(kb):
    return "-" if kb is None else f"{kb / 1024:.0f}"


def ratio(numerator, denominator, target=None):
    if numerator is None or denominator in (None, 0):
        return "-"
    text = f"{numerator / denominator:.2f}x"
    if target is not None:
        text += " ok" if numerator / denominator <= target else " OVER"
    return text


def cell(result, field, fmt):
    if result.problem:
        return result.problem
    return fmt(getattr(result, field))


def table(headers, rows):
    """A markdown table; printed as is, it also reads well in a terminal."""
    widths = [max(len(str(row[i])) for row in [headers] + rows) for i in range(len(headers))]
    lines = ["| " + " | ".join(str(h).ljust(w) for h, w in zip(headers, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths)) + " |")
    return "\n".join(lines)


def comparison_row(name, lines, parse, lint):
    return [name, lines,
            cell(parse, "wall", seconds), cell(lint, "wall", seconds),
            ratio(lint.wall, parse.wall, TARGET_WALL) if not (parse.problem or lint.problem) else "-",
            ratio(lint.cpu, parse.cpu) if not (parse.problem or lint.problem) else "-",
            cell(parse, "rss_kb", megabytes), cell(lint, "rss_kb", megabytes),
            ratio(lint.rss_kb, parse.rss_kb, TARGET_RSS) if not (parse.problem or lint.problem) else "-"]


COMPARISON_HEADERS = ["input", "lines", "parse wall s", "racelint wall s",
                      f"wall ratio (target <= {TARGET_WALL}x)", "CPU ratio",
                      "parse peak MB", "racelint peak MB",
                      f"memory ratio (target <= {TARGET_RSS}x)"]


class Report:
    """Collects the sections, prints each as it is done, and writes them all at the end."""

    def __init__(self):
        self.sections = []

    def add(self, title, text):
        self.sections.append(f"## {title}\n\n{text}\n")
        print(f"\n## {title}\n\n{text}", flush=True)

    def write(self, path, preface):
        with open(path, "w") as out:
            out.write(preface + "\n" + "\n".join(self.sections))


def problems_text(label, results):
    parts = []
    for name, result in results.items():
        if result.problem:
            stderr = result.stderr_tail.strip()[-1500:] or "(nothing on stderr)"
            parts.append(f"- {label}, {name}: {result.problem}\n\n```\n{stderr}\n```")
    return parts


def findings_text(label, check, limit=8):
    rules = sorted(set(check["planted"]) | set(check["reported"]))
    rows = [[rule, check["planted"][rule], check["reported"][rule], check["found"][rule]]
            for rule in rules]
    text = f"**{label}**: {sum(check['reported'].values())} findings\n\n"
    text += table(["rule", "planted", "reported", "reported at a planted line"], rows)
    text += (f"\n\nmissed planted: {len(check['missed'])}; reports on clean or unmarked "
             f"lines: {len(check['surprises'])}; duplicate reports: {check['duplicates']}\n")
    for kind, path, line, rule, message in check["surprises"][:limit]:
        text += f"\n- {kind}: {os.path.basename(path)}:{line} [{rule}] {message}"
    for (path, line), rule in check["missed"][:limit]:
        text += f"\n- missed: {os.path.basename(path)}:{line} [{rule}]"
    return text + "\n"


# --- The three parts ---------------------------------------------------------------

def bench_samples(tools, settings, report, problems):
    rows, counts = [], []
    for path in sample_files():
        name = os.path.relpath(path, REPO_DIR)
        progress(f"sample {name}")
        results = compare(pair_for_file(path, tools, settings.timeout, settings.work),
                          settings.sample_reps, settings.logs, slug(name))
        rows.append(comparison_row(name, count_lines(path), results["parse"],
                                   results["racelint"]))
        problems += problems_text(name, results)
        if results["racelint"].problem:
            counts.append([name, results["racelint"].problem, "-"])
            continue
        output = os.path.join(settings.logs, f"{slug(name)}.racelint.out")
        rules = collections.Counter(rule for _, _, rule, _ in findings_in(output))
        counts.append([name, sum(rules.values()),
                       ", ".join(f"{r} {n}" for r, n in sorted(rules.items())) or "-"])
    report.add(f"Samples and bench/repro (median of {settings.sample_reps})",
               table(COMPARISON_HEADERS, rows))
    report.add("Findings on the samples and bench/repro",
               table(["input", "findings", "by rule"], counts))


def bench_tus(tools, settings, report, problems):
    rows, growth, checks = [], [], []
    for size in settings.sizes:
        path = os.path.join(settings.work, f"tu_{size}.cpp")
        with open(path, "w") as out:
            out.write(gen_tu.generate_tu(size, seed=1))
        lines = count_lines(path)
        label = f"generated {size // 1000}k"
        progress(f"{label}: {lines} lines")
        results = compare(pair_for_file(path, tools, settings.timeout, settings.work),
                          settings.tu_reps, settings.logs, slug(label))
        parse, lint = results["parse"], results["racelint"]
        rows.append(comparison_row(label, lines, parse, lint))
        problems += problems_text(label, results)
        if not (parse.problem or lint.problem):
            growth.append([label, lines, seconds(lint.wall - parse.wall),
                           f"{1000 * (lint.wall - parse.wall) / (lines / 1000):.0f}",
                           f"{1000 * (lint.cpu - parse.cpu) / (lines / 1000):.0f}"])
        output = os.path.join(settings.logs, f"{slug(label)}.racelint.out")
        if not lint.problem:
            checks.append(findings_text(f"{label} ({lines} lines)",
                                        check_findings(findings_in(output), marks_in([path]))))
    report.add(f"Generated translation units (median of {settings.tu_reps})",
               table(COMPARISON_HEADERS, rows))
    report.add("Analysis cost per 1k lines (racelint minus parse)",
               table(["input", "lines", "extra wall s", "extra wall ms / 1k lines",
                      "extra CPU ms / 1k lines"], growth))
    report.add("Findings on the generated translation units", "\n".join(checks))


def project_tools(tools, settings, root, jobs_form):
    """The parse floor (serial and 2 at once) and racelint -j1 / -j2 over one database."""
    database = os.path.join(root, "compile_commands.json")
    commands = parse_commands(database, tools["clang++"])
    timeout = settings.timeout

    def parse_with(jobs):
        return lambda out, err: measure_many(commands, root, timeout, jobs, out, err)

    lint = [tools["racelint"], "-p", root]
    chosen = [Tool("parse, serial", parse_with(1), (0,)),
              Tool("parse, 2 at once", parse_with(2), (0,))]
    if jobs_form is None:
        chosen.append(single(lint, root, timeout * 10, (0, 1), "racelint -p (one run)"))
    else:
        for jobs in (1, 2):
            chosen.append(single(lint + jobs_form(jobs), root, timeout * 10, (0, 1),
                                 f"racelint -j{jobs}"))
    return chosen


def bench_project(tools, settings, report, problems):
    root = os.path.join(settings.work, f"project_{settings.tus}")
    if os.path.isdir(root):
        shutil.rmtree(root)
    sources = gen_project.generate_project(root, settings.tus, seed=1, group_size=10,
                                           min_lines=200, max_lines=500)
    lines = sum(count_lines(path) for path in sources)
    jobs_form = racelint_jobs(tools["racelint"], settings.work)
    progress(f"project: {len(sources)} TUs, {lines} lines")
    chosen = project_tools(tools, settings, root, jobs_form)
    results = compare(chosen, settings.project_reps, settings.logs, "project")
    problems += problems_text("project", results)
    floor = results["parse, serial"]
    one = results.get("racelint -j1") or results.get("racelint -p (one run)")
    rows = []
    for tool in chosen:
        result = results[tool.name]
        ok = not (result.problem or floor.problem)
        rows.append([tool.name, cell(result, "wall", seconds), cell(result, "cpu", seconds),
                     cell(result, "rss_kb", megabytes),
                     ratio(result.wall, floor.wall) if ok else "-",
                     speedup(one, result) if tool.name.startswith("racelint") else ""])
    text = (f"{len(sources)} TUs ({settings.tus} generated + main.cpp), {lines} source lines "
            f"(without headers), median of {settings.project_reps}. The parse rows run one "
            f"clang++-19 -fsyntax-only per database entry; their peak is the largest single "
            f"process. Targets: racelint -j1 wall <= {TARGET_WALL}x the serial parse, "
            f"-j2 >= {TARGET_SPEEDUP}x faster than -j1.\n\n")
    if jobs_form is None:
        text += ("**racelint does not accept -j yet**: -j1 is measured as one `racelint -p "
                 "DIR` run over the whole database; -j2 is not measured.\n\n")
    text += table(["run", "wall s", "CPU s", "peak MB", "wall vs serial parse",
                   f"speed-up vs -j1 (target >= {TARGET_SPEEDUP}x)"], rows)
    if jobs_form is not None:
        text += "\n\n" + same_output_text(settings.logs, results)
    report.add("Generated project", text)
    output = os.path.join(settings.logs, f"project.{slug(chosen[-1].name)}.out")
    if not results[chosen[-1].name].problem:
        headers = [os.path.join(root, "include", f) for f in os.listdir(os.path.join(root, "include"))]
        check = check_findings(findings_in(output), marks_in(sources + headers))
        report.add("Findings on the generated project",
                   findings_text(f"{chosen[-1].name} over the project", check))


def same_output_text(logs, results):
    """Whether -j1 and -j2 printed the same findings in the same order."""
    if results["racelint -j1"].problem or results["racelint -j2"].problem:
        return "Output at -j1 and -j2: not compared (a run failed)."
    outputs = []
    for name in ("racelint -j1", "racelint -j2"):
        with open(os.path.join(logs, f"project.{slug(name)}.out"), "rb") as stream:
            outputs.append(stream.read())
    verdict = "identical" if outputs[0] == outputs[1] else "DIFFERENT"
    return f"Output at -j1 and -j2: {verdict}."


def speedup(base, result):
    if base is None or base.problem or result.problem:
        return "-"
    return f"{base.wall / result.wall:.2f}x"


def racelint_jobs(racelint, work):
    """A function jobs -> argv for -j, or None when this racelint has no -j.

    The probe analyses an empty file: an option-only probe is not enough, as
    `--list-checks` exits 0 even after an unknown option.
    """
    empty = os.path.join(work, "empty.cpp")
    with open(empty, "w"):
        pass
    for form in (lambda n: ["-j", str(n)], lambda n: [f"-j{n}"]):
        probe = subprocess.run([racelint] + form(1) + [empty, "--", "-std=c++17"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if probe.returncode == 0:
            return form
    return None


# --- Set-up -------------------------------------------------------------------------

class Settings:
    def __init__(self, args):
        self.timeout = args.timeout
        self.work = os.path.abspath(args.work)
        self.logs = os.path.join(self.work, "logs")
        self.sections = args.sections.split(",")
        if args.quick:
            self.sample_reps, self.tu_reps, self.project_reps = 3, 1, 1
            self.sizes, self.tus = [10000, 25000, 50000], 50
        else:
            self.sample_reps, self.tu_reps, self.project_reps = 5, 3, 3
            self.sizes, self.tus = [10000, 50000, 200000], 200
        if args.reps:
            self.sample_reps = self.tu_reps = self.project_reps = args.reps
        if args.sizes:
            self.sizes = [int(s) for s in args.sizes.split(",")]
        if args.tus:
            self.tus = args.tus


def find_tools(racelint):
    """{'racelint', 'clang', 'clang++'} as paths; exits with a clear error if one is missing."""
    found = {"racelint": os.path.abspath(racelint),
             "clang": shutil.which("clang-19"), "clang++": shutil.which("clang++-19")}
    missing = []
    if not os.access(found["racelint"], os.X_OK):
        missing.append(f"racelint not found or not executable at {found['racelint']} "
                       f"(build it, or pass --racelint PATH)")
    for name in ("clang", "clang++"):
        if found[name] is None:
            missing.append(f"{name}-19 not found on PATH (Debian package clang-19)")
    if missing:
        for text in missing:
            print(f"run.py: error: {text}", file=sys.stderr)
        sys.exit(2)
    return found


def snapshot(racelint, work):
    """A private copy of racelint, so one run measures one build.

    Other engineers rebuild build/ while the benchmark runs: without a copy, a run can
    time two builds, or find the binary half written by the linker.
    """
    copy = os.path.join(work, "racelint")
    for _ in range(10):
        shutil.copy2(racelint, copy)
        probe = subprocess.run([copy, "--version"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        if probe.returncode == 0:
            return copy
        time.sleep(5)
    print(f"run.py: error: {racelint} does not run (is it being linked?)", file=sys.stderr)
    sys.exit(2)


def machine_text(tools, settings):
    version = subprocess.run([tools["racelint"], "--version"], capture_output=True,
                             text=True).stdout.strip().replace("\n", " ")
    stamp = datetime.datetime.fromtimestamp(os.path.getmtime(tools["racelint built"]))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"Run {datetime.datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} CPUs "
            f"({platform.machine()}), load average at the start {load}. racelint: "
            f"{tools['racelint built']} ({version}; built {stamp:%Y-%m-%d %H:%M}), run from "
            f"a copy in the work folder. Parse floor: "
            f"{tools['clang++']} / {tools['clang']} -fsyntax-only with the same flags. "
            f"Timeout per run: {settings.timeout} s. The machine is shared: wall times are "
            f"noisy, CPU time less so.\n")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--racelint", default=os.path.join(REPO_DIR, "build", "bin", "racelint"),
                        help="the racelint binary (default: build/bin/racelint)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions and smaller inputs")
    parser.add_argument("--out", help="also write the tables to this markdown file")
    parser.add_argument("--work", default=os.path.join(BENCH_DIR, "work"),
                        help="folder for generated inputs and outputs (default: bench/work)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds per run")
    parser.add_argument("--sections", default="samples,tus,project",
                        help="comma-separated parts to run: samples, tus, project")
    parser.add_argument("--reps", type=int, help="repetitions for every input")
    parser.add_argument("--sizes", help="generated TU sizes in lines, comma-separated")
    parser.add_argument("--tus", type=int, help="TUs in the generated project")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    tools = find_tools(args.racelint)
    settings = Settings(args)
    os.makedirs(settings.logs, exist_ok=True)
    tools["racelint built"] = tools["racelint"]
    tools["racelint"] = snapshot(tools["racelint"], settings.work)
    preface = machine_text(tools, settings)
    print(preface, flush=True)
    report, problems = Report(), []
    parts = {"samples": bench_samples, "tus": bench_tus, "project": bench_project}
    for name in settings.sections:
        parts[name](tools, settings, report, problems)
    report.add("Problems (crashes, timeouts, errors)",
               "\n\n".join(problems) if problems else "none")
    if args.out:
        report.write(args.out, preface)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
