// thread_ways.cpp - three ways to start a thread, and who is running.
//
// A thread from a plain function, from a lambda, and from a subclass of a
// small Thread base class that overrides run() (the lecture's two Python ways,
// plus the lambda C++ adds). Each prints its id; main prints its own and the
// number of threads alive, like Python's current_thread() and active_count().

#include <cstdio>
#include <filesystem>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <utility>

// Like Python's threading.Thread: start() runs run() in a new thread.
class Thread {
public:
  virtual ~Thread() = default;
  void start() {
    worker = std::thread([this] { run(); });
  }
  void join() { worker.join(); }

protected:
  virtual void run() = 0;

private:
  std::thread worker;
};

// Threads alive in this process, main included: the kernel lists one task per
// thread, which is what Python's active_count() reports for its own threads.
static int activeCount() {
  int count = 0;
  for (const auto &entry :
       std::filesystem::directory_iterator("/proc/self/task")) {
    (void)entry;
    ++count;
  }
  return count;
}

static std::string currentThreadId() {
  std::ostringstream id;
  id << std::this_thread::get_id();
  return id.str();
}

// Every worker waits for 'go' before it ends, so main counts all of them alive.
static void report(const char *way, std::shared_future<void> go) {
  go.wait();
  std::printf("started %s: thread id %s\n", way, currentThreadId().c_str());
}

static void fromFunction(std::shared_future<void> go) {
  report("from a function", go);
}

class Worker : public Thread {
public:
  explicit Worker(std::shared_future<void> start_signal)
      : go(std::move(start_signal)) {}

protected:
  void run() override { report("by overriding run()", go); }

private:
  std::shared_future<void> go;
};

int main() {
  std::promise<void> release;
  std::shared_future<void> go = release.get_future().share();

  std::thread by_function(fromFunction, go);
  std::thread by_lambda([go] { report("from a lambda", go); });
  Worker by_subclass(go);
  by_subclass.start();

  std::printf("main thread id %s\n", currentThreadId().c_str());
  std::printf("active threads: %d\n", activeCount());

  release.set_value();
  by_function.join();
  by_lambda.join();
  by_subclass.join();
  std::printf("active threads after join: %d\n", activeCount());
  return 0;
}
