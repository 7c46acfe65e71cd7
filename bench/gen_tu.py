#!/usr/bin/env python3
"""Generate one large C++ translation unit for racelint's benchmark.

The program is a row of small, self-contained "modules" (one namespace each), every one
shaped like code racelint is meant to read: globals and structs guarded by std::mutex,
lock_guard and unique_lock, threads started in loops with function pointers, lambdas
capturing by reference, member-function entries and pthread_create, helper chains several
calls deep, atomics, a little template code. `main` runs the modules one after the other.

Some updates are racy on purpose. Each line where racelint should report something ends
with `// bench-expect: RULE`; each locked or atomic update it should stay quiet about ends
with `// bench-clean`. run.py compares racelint's findings with those marks.

The output is deterministic: the same --lines and --seed give the same bytes.
"""

import argparse
import random
import sys

EXPECT = "// bench-expect: "
CLEAN = "// bench-clean"

INCLUDES = """\
#include <pthread.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>
"""

# Shared by every module: a locked event log, a locked template wrapper, a pure
# template helper, and a layered library of pure functions (each layer calls two
# functions of the next, so the call graph has many diamonds, as real code does).
COMMON = """\
namespace bench {

inline std::mutex log_mutex;
inline long log_count = 0;

inline void log_event(int code) {
  std::lock_guard<std::mutex> guard(log_mutex);
  log_count += code;  // bench-clean
}

template <typename T>
struct Guarded {
  std::mutex mtx;
  T value{};

  void add(T delta) {
    std::lock_guard<std::mutex> guard(mtx);
    value += delta;  // bench-clean
  }

  T get() {
    std::lock_guard<std::mutex> guard(mtx);
    return value;
  }
};

template <typename T>
T mix(T a, T b) {
  return (a * 31) ^ (b + 7);
}

template <typename T, int N>
struct Window {
  T items[N] = {};
  int next = 0;

  void push(T v) {
    items[next] = v;
    next = (next + 1) % N;
  }

  T sum() const {
    T total{};
    for (int i = 0; i < N; ++i)
      total += items[i];
    return total;
  }
};

inline int collatz_steps(int v, int limit) {
  if (v <= 1 || limit == 0)
    return 0;
  return 1 + collatz_steps(v % 2 ? 3 * v + 1 : v / 2, limit - 1);
}

}  // namespace bench
"""

LIB_LAYERS = 6
LIB_WIDTH = 4


def lib_function(layer, index):
    """One pure library function; layers below the last call two of the next layer."""
    name = f"lib_{layer}_{index}"
    if layer == LIB_LAYERS - 1:
        return (f"inline int {name}(int v) {{\n"
                f"  int acc = v + {index};\n"
                f"  for (int i = 0; i < 3; ++i)\n"
                f"    acc = acc % 2 ? acc * 3 + 1 : acc / 2;\n"
                f"  return acc;\n"
                f"}}\n")
    left = f"lib_{layer + 1}_{index}"
    right = f"lib_{layer + 1}_{(index + 1) % LIB_WIDTH}"
    return (f"inline int {name}(int v) {{\n"
            f"  if (v % 3 == 0)\n"
            f"    return {left}(v + 1);\n"
            f"  return {left}(v) + {right}(v - 1);\n"
            f"}}\n")


def library():
    """The layered library, deepest layer first so every callee is declared."""
    parts = ["namespace lib {\n"]
    for layer in reversed(range(LIB_LAYERS)):
        for index in range(LIB_WIDTH):
            parts.append(lib_function(layer, index))
    parts.append("}  // namespace lib\n")
    return "\n".join(parts)


def helper_chain(rng, depth, leaf_call):
    """step0 .. step{depth-1}: each does a little arithmetic and calls the next."""
    parts = []
    for level in reversed(range(depth)):
        if level == depth - 1:
            inner = leaf_call
        else:
            inner = f"step{level + 1}(acc)"
        bound = rng.randint(2, 5)
        parts.append(
            f"static int step{level}(int v) {{\n"
            f"  int acc = v;\n"
            f"  for (int i = 0; i < {bound}; ++i) {{\n"
            f"    if (acc % {level + 2} == 0)\n"
            f"      acc += lib::lib_0_{rng.randrange(LIB_WIDTH)}(i);\n"
            f"    else\n"
            f"      acc = bench::mix(acc, i);\n"
            f"  }}\n"
            f"  return {inner};\n"
            f"}}\n")
    return "\n".join(parts)


def module_worker_loop(rng, ns):
    """Function-pointer threads in a loop; the lock is taken deep in a helper chain."""
    depth = rng.randint(3, 6)
    threads = rng.randint(2, 8)
    iters = rng.randint(2, 16)
    chain = helper_chain(rng, depth, "add_total(acc)")
    return f"""\
namespace {ns} {{

int counter = 0;
long total = 0;
std::mutex total_mutex;
std::atomic<int> hits{{0}};

static int add_total(int v) {{
  std::lock_guard<std::mutex> guard(total_mutex);
  total += v;  {CLEAN}
  return static_cast<int>(total % 1000);
}}

{chain}
static void bump() {{
  counter++;  {EXPECT}unsynchronized-rmw
}}

static void worker(int id) {{
  for (int i = 0; i < {iters}; ++i) {{
    step0(i + id);
    hits.fetch_add(1);  {CLEAN}
  }}
  bump();
  bench::log_event(id);
}}

void start() {{
  std::vector<std::thread> threads;
  for (int i = 0; i < {threads}; ++i)
    threads.emplace_back(worker, i);
  for (std::thread &t : threads)
    t.join();
}}

}}  // namespace {ns}
"""


def module_caller_locks(rng, ns):
    """The caller holds the lock; the update happens several calls below it."""
    depth = rng.randint(2, 5)
    levels = []
    for level in reversed(range(depth)):
        if level == depth - 1:
            body = (f"  ledger.entries += v;  {CLEAN}\n"
                    f"  ledger.last = v;  {CLEAN}\n")
        else:
            body = f"  record{level + 1}(bench::mix(v, {level}));\n"
        levels.append(f"static void record{level}(int v) {{\n{body}}}\n")
    chain = "\n".join(levels)
    threads = rng.randint(2, 6)
    return f"""\
namespace {ns} {{

struct Ledger {{
  long entries = 0;
  int last = 0;
  int audits = 0;
}};

Ledger ledger;
std::mutex ledger_mutex;

{chain}
static void clerk(int id) {{
  for (int i = 0; i < {rng.randint(2, 9)}; ++i) {{
    std::unique_lock<std::mutex> lock(ledger_mutex);
    record0(id * 10 + i);
  }}
  ledger.audits += 1;  {EXPECT}unsynchronized-rmw
}}

void start() {{
  std::vector<std::thread> clerks;
  for (int i = 0; i < {threads}; ++i)
    clerks.emplace_back(clerk, i);
  for (auto &t : clerks)
    t.join();
}}

}}  // namespace {ns}
"""


def module_lambda(rng, ns):
    """Lambdas capturing a local struct and its mutex by reference, started in a loop."""
    threads = rng.randint(2, 6)
    rounds = rng.randint(3, 12)
    capture = rng.choice(["[&, i]", "[&stats, &stats_mutex, i]"])
    return f"""\
namespace {ns} {{

struct Stats {{
  int hits = 0;
  long sum = 0;
  int peak = 0;
}};

void start() {{
  Stats stats;
  std::mutex stats_mutex;
  std::vector<std::thread> threads;
  for (int i = 0; i < {threads}; ++i) {{
    threads.emplace_back({capture} {{
      for (int j = 0; j < {rounds}; ++j) {{
        std::lock_guard<std::mutex> guard(stats_mutex);
        stats.sum += i * j;  {CLEAN}
        if (i * j > stats.peak)
          stats.peak = i * j;  {CLEAN}
      }}
      stats.hits += 1;  {EXPECT}unsynchronized-rmw
    }});
  }}
  for (std::thread &t : threads)
    t.join();
  bench::log_event(static_cast<int>(stats.sum));
}}

}}  // namespace {ns}
"""


def module_member_entry(rng, ns, shared):
    """Member-function entries; with one shared object the unlocked counter races."""
    mark = f"{EXPECT}unsynchronized-rmw" if shared else CLEAN
    if shared:
        objects = "Stage stage;\n"
        starts = ("  std::thread a(&Stage::run, &stage, 3);\n"
                  "  std::thread b(&Stage::run, &stage, 5);\n")
    else:
        objects = "Stage left;\nStage right;\n"
        starts = ("  std::thread a(&Stage::run, &left, 3);\n"
                  "  std::thread b(&Stage::run, &right, 5);\n")
    return f"""\
namespace {ns} {{

class Stage {{
public:
  void run(int n) {{
    for (int i = 0; i < n; ++i) {{
      std::unique_lock<std::mutex> lock(mtx_);
      processed_ += i;  {CLEAN}
      window_.push(i);
      lock.unlock();
      calls_++;  {mark}
    }}
  }}

  int processed() {{
    std::lock_guard<std::mutex> guard(mtx_);
    return processed_;
  }}

private:
  std::mutex mtx_;
  int processed_ = 0;
  int calls_ = 0;
  bench::Window<int, {rng.choice([4, 8, 16])}> window_;
}};

{objects}
void start() {{
{starts}  a.join();
  b.join();
}}

}}  // namespace {ns}
"""


def module_pthread(rng, ns):
    """pthread_create with a struct pointer: one field locked, one not."""
    threads = rng.randint(2, 5)
    return f"""\
namespace {ns} {{

struct Account {{
  pthread_mutex_t lock;
  int balance;
  int ops;
}};

Account account = {{PTHREAD_MUTEX_INITIALIZER, 100, 0}};

static void *withdraw(void *arg) {{
  Account *acct = static_cast<Account *>(arg);
  pthread_mutex_lock(&acct->lock);
  acct->balance -= 1;  {CLEAN}
  pthread_mutex_unlock(&acct->lock);
  acct->ops++;  {EXPECT}unsynchronized-rmw
  return nullptr;
}}

void start() {{
  pthread_t threads[{threads}];
  for (int i = 0; i < {threads}; ++i)
    pthread_create(&threads[i], nullptr, withdraw, &account);
  for (int i = 0; i < {threads}; ++i)
    pthread_join(threads[i], nullptr);
}}

}}  // namespace {ns}
"""


def module_split(rng, ns):
    """The lecture's split update, a relocked unique_lock, and a locked getter/setter."""
    threads = rng.randint(2, 4)
    return f"""\
namespace {ns} {{

int money = 100;
int seats = 50;
std::mutex seats_mutex;
int balance = 0;
std::mutex balance_mutex;
int reserve = 0;
std::mutex reserve_mutex;

static int get_seats() {{
  std::lock_guard<std::mutex> guard(seats_mutex);
  return seats;
}}

static void set_seats(int n) {{
  std::lock_guard<std::mutex> guard(seats_mutex);
  seats = n;  {EXPECT}split-critical-section
}}

static void book() {{
  int n = get_seats();
  if (n > 0)
    set_seats(n - 1);
}}

static void pay() {{
  int tmp = money;
  std::this_thread::yield();
  money = tmp - 1;  {EXPECT}unsynchronized-rmw
}}

static void deposit() {{
  std::unique_lock<std::mutex> lock(balance_mutex);
  int seen = balance;
  lock.unlock();
  std::this_thread::yield();
  lock.lock();
  balance = seen + 10;  {EXPECT}split-critical-section
}}

static void top_up() {{
  std::unique_lock<std::mutex> lock(reserve_mutex);
  int seen = reserve;
  std::this_thread::yield();
  reserve = seen + 10;  {CLEAN}
}}

void start() {{
  std::vector<std::thread> threads;
  for (int i = 0; i < {threads}; ++i) {{
    threads.emplace_back(book);
    threads.emplace_back(pay);
    threads.emplace_back(deposit);
    threads.emplace_back(top_up);
  }}
  for (std::thread &t : threads)
    t.join();
}}

}}  // namespace {ns}
"""


def module_data_race(rng, ns):
    """A thread started once writes while the starter reads; atomics done right and wrong."""
    tickers = rng.randint(2, 4)
    return f"""\
namespace {ns} {{

int result = 0;
int status = 0;
std::atomic<int> done{{0}};
std::atomic<long> level{{0}};

static void compute(int seed) {{
  result = bench::mix(seed, {rng.randint(1, 99)});  {EXPECT}data-race
}}

static void tick() {{
  done.fetch_add(1);  {CLEAN}
  level.store(level.load() + 1);  {EXPECT}unsynchronized-rmw
}}

void start() {{
  status = 1;  {CLEAN}
  std::thread t(compute, {rng.randint(1, 9)});
  int seen = result;
  t.join();
  status = seen + result;  {CLEAN}
  std::vector<std::thread> tickers;
  for (int i = 0; i < {tickers}; ++i)
    tickers.emplace_back(tick);
  for (auto &t2 : tickers)
    t2.join();
}}

}}  // namespace {ns}
"""


def module_template(rng, ns):
    """Template code run by threads: a locked wrapper, and an unlocked x = x * f."""
    return f"""\
namespace {ns} {{

bench::Guarded<long> guarded_total;
double ratio = 1.0;

template <typename T>
void accumulate(bench::Guarded<T> &g, T v, int rounds) {{
  for (int i = 0; i < rounds; ++i)
    g.add(bench::mix<T>(v, i));
}}

template <typename T>
void scale(T factor) {{
  ratio = ratio * factor;  {EXPECT}unsynchronized-rmw
}}

void start() {{
  std::thread a([] {{ accumulate<long>(guarded_total, 2L, {rng.randint(2, 9)}); }});
  std::thread b([] {{
    accumulate<long>(guarded_total, 3L, {rng.randint(2, 9)});
    scale(1.5);
  }});
  std::thread c([] {{ scale(0.5); }});
  a.join();
  b.join();
  c.join();
  bench::log_event(bench::collatz_steps(static_cast<int>(guarded_total.get()), 20));
}}

}}  // namespace {ns}
"""


def module_member_shared(rng, ns):
    return module_member_entry(rng, ns, shared=True)


def module_member_separate(rng, ns):
    return module_member_entry(rng, ns, shared=False)


MODULE_KINDS = [
    module_worker_loop,
    module_lambda,
    module_member_shared,
    module_pthread,
    module_caller_locks,
    module_split,
    module_member_separate,
    module_data_race,
    module_template,
]


def make_module(rng, ns, index):
    """One module; the kinds rotate so every kind appears, the details are random."""
    return MODULE_KINDS[index % len(MODULE_KINDS)](rng, ns)


def header_comment(what, lines, seed):
    return (f"// Generated by bench/gen_tu.py ({what}, --lines {lines}, --seed {seed}).\n"
            f"// Lines marked \"bench-expect: RULE\" should be reported by racelint;\n"
            f"// lines marked \"bench-clean\" are locked or atomic and should not.\n")


def count_lines(text):
    return text.count("\n")


def modules_for(rng, prefix, budget, first_kind=0):
    """Modules until they, and one call each to start them, fill `budget` lines."""
    texts, names, used = [], [], 0
    while used < budget or not texts:
        name = f"{prefix}{len(texts)}"
        text = make_module(rng, name, first_kind + len(texts))
        texts.append(text)
        names.append(name)
        used += count_lines(text) + 2  # a blank line between modules, a call in main
    return texts, names


def main_function(names):
    calls = "".join(f"  {name}::start();\n" for name in names)
    return f"int main() {{\n{calls}  return static_cast<int>(bench::log_count % 2);\n}}\n"


def generate_tu(lines, seed):
    """The whole translation unit, about `lines` lines long."""
    rng = random.Random(seed)
    head = "\n".join([header_comment("one TU", lines, seed), INCLUDES, COMMON, library()])
    texts, names = modules_for(rng, "m", lines - count_lines(head))
    return "\n".join([head, "\n".join(texts), main_function(names)])


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=50000, help="target size in lines")
    parser.add_argument("--seed", type=int, default=1, help="random seed")
    parser.add_argument("-o", "--output", help="output file (default: stdout)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    text = generate_tu(args.lines, args.seed)
    if args.output:
        with open(args.output, "w") as out:
            out.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
