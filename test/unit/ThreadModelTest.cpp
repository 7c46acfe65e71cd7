//===--- ThreadModelTest.cpp - Thread starts, contexts, concurrency -------===//
#include "ProgramModel.h"

#include "ASTFixture.h"

using namespace racelint;
using namespace clang;

namespace {

/// The resolved accesses of the variable named \p Name, in source order.
std::vector<const ResolvedAccess *> accessesOf(const ProgramModel &Model,
                                               llvm::StringRef Name) {
  std::vector<const ResolvedAccess *> Out;
  for (const ResolvedAccess &A : Model.Threads.accesses())
    if (A.Path.spelling() == Name)
      Out.push_back(&A);
  llvm::sort(Out, [](const ResolvedAccess *L, const ResolvedAccess *R) {
    return L->Source->Loc < R->Source->Loc;
  });
  return Out;
}

const ThreadContext *contextRunning(const ProgramModel &Model,
                                    llvm::StringRef Entry) {
  for (const ThreadContext &C : Model.Threads.contexts())
    if (C.Site && C.Entry && C.Entry->getNameAsString() == Entry)
      return &C;
  return nullptr;
}

} // namespace

TEST(ThreadModelTest, StartInALoopRunsSeveralInstances) {
  auto AST = parse(R"cpp(
    #include <thread>
    #include <vector>
    int money;
    void task() { money--; }
    int main() {
      std::vector<std::thread> ts;
      for (int i = 0; i < 4; ++i) ts.emplace_back(task);
      for (auto &t : ts) t.join();
    })cpp");
  ProgramModel Model(AST->getASTContext());
  const ThreadContext *Task = contextRunning(Model, "task");
  ASSERT_TRUE(Task);
  EXPECT_TRUE(Task->Multi);
  EXPECT_TRUE(Task->Site->InLoop);
  auto Money = accessesOf(Model, "money");
  ASSERT_EQ(Money.size(), 1u);
  EXPECT_TRUE(Model.Threads.mayRunConcurrently(*Money[0], *Money[0]));
}

TEST(ThreadModelTest, CodeBetweenStartAndJoinRunsBesideTheThread) {
  auto AST = parse(R"cpp(
    #include <thread>
    int x;
    void worker() { x = 1; }
    int main() {
      x = 0;
      std::thread t(worker);
      x = 2;
      t.join();
      x = 3;
    })cpp");
  ProgramModel Model(AST->getASTContext());
  auto X = accessesOf(Model, "x");
  ASSERT_EQ(X.size(), 4u);
  const ResolvedAccess *Worker = nullptr;
  std::vector<const ResolvedAccess *> Main;
  for (const ResolvedAccess *A : X) {
    if (Model.Threads.contexts()[A->Context].Site)
      Worker = A;
    else
      Main.push_back(A);
  }
  ASSERT_TRUE(Worker);
  ASSERT_EQ(Main.size(), 3u);
  EXPECT_FALSE(Model.Threads.mayRunConcurrently(*Main[0], *Worker))
      << "before the start";
  EXPECT_TRUE(Model.Threads.mayRunConcurrently(*Main[1], *Worker))
      << "between start and join";
  EXPECT_FALSE(Model.Threads.mayRunConcurrently(*Main[2], *Worker))
      << "after the join";
  EXPECT_FALSE(Model.Threads.mayRunConcurrently(*Worker, *Worker))
      << "started once";
}

TEST(ThreadModelTest, PthreadArgumentBindsTheEntryParameter) {
  auto AST = parse(R"c(
    #include <pthread.h>
    struct acct { int balance; };
    static void *work(void *arg) {
      struct acct *a = arg;
      a->balance++;
      return 0;
    }
    int main(void) {
      struct acct shared = {0};
      pthread_t t;
      pthread_create(&t, 0, work, &shared);
      pthread_join(t, 0);
      return shared.balance;
    })c",
                   /*IsC=*/true);
  ProgramModel Model(AST->getASTContext());
  auto Balance = accessesOf(Model, "shared.balance");
  ASSERT_EQ(Balance.size(), 2u) << "the thread's write and main's read";
  EXPECT_FALSE(Model.Threads.mayRunConcurrently(*Balance[0], *Balance[1]))
      << "main reads after the join";
}

TEST(ThreadModelTest, VirtualRunIsFoundThroughTheObjectsType) {
  auto AST = parse(R"cpp(
    #include <thread>
    struct Thread {
      virtual ~Thread() = default;
      void start() { th = std::thread(&Thread::run, this); }
      void join() { th.join(); }
      virtual void run() = 0;
      std::thread th;
    };
    int counter;
    struct Worker : Thread { void run() override { counter++; } };
    int main() { Worker w; w.start(); w.join(); })cpp");
  ProgramModel Model(AST->getASTContext());
  const ThreadContext *Run = contextRunning(Model, "run");
  ASSERT_TRUE(Run);
  EXPECT_EQ(cast<CXXMethodDecl>(Run->Entry)->getParent()->getName(), "Worker");
  EXPECT_EQ(accessesOf(Model, "counter").size(), 1u);
}

TEST(ThreadModelTest, EveryStartFormNamesItsEntry) {
  auto AST = parse(R"cpp(
    #include <future>
    #include <thread>
    void f(int) {}
    struct Functor { void operator()() const {} };
    struct Obj { void m() {} };
    int main() {
      Obj o;
      std::thread a(f, 1);
      std::thread b(Functor{});
      std::thread c(&Obj::m, &o);
      std::thread d([] {});
      auto e = std::async(std::launch::async, f, 2);
      a.join(); b.join(); c.join(); d.join(); e.get();
    })cpp");
  ProgramModel Model(AST->getASTContext());
  std::vector<std::string> Entries;
  for (const ThreadContext &C : Model.Threads.contexts())
    if (C.Site)
      Entries.push_back(C.Entry->getNameAsString());
  llvm::sort(Entries);
  EXPECT_EQ(Entries, (std::vector<std::string>{"f", "f", "m", "operator()",
                                               "operator()"}));
}
