//===--- ParallelRun.cpp - Analyse many TUs at once -----------------------===//
//
// Each ClangTool gets its own physical file system: the shared real one
// follows the process's working directory, which ClangTool changes to each
// compile command's folder, and that would race between workers.
//
//===----------------------------------------------------------------------===//
#include "ParallelRun.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <mutex>

namespace racelint {

namespace {
/// Runs the checker like FrontendActionFactory's own runInvocation, but
/// sends Clang's "N errors generated." to the TU's buffer with the rest of
/// its diagnostics, so they stay together and in order.
class BufferedCheckerFactory : public clang::tooling::FrontendActionFactory {
public:
  BufferedCheckerFactory(const CheckerOptions &Options, TUResult &Result,
                         llvm::raw_ostream &Diagnostics)
      : Checker(newCheckerActionFactory(Options, Result.Reports,
                                        &Result.UserFiles)),
        Diagnostics(Diagnostics) {}

  std::unique_ptr<clang::FrontendAction> create() override {
    return Checker->create();
  }

  bool
  runInvocation(std::shared_ptr<clang::CompilerInvocation> Invocation,
                clang::FileManager *Files,
                std::shared_ptr<clang::PCHContainerOperations> PCHContainerOps,
                clang::DiagnosticConsumer *DiagConsumer) override {
    clang::CompilerInstance Compiler(std::move(PCHContainerOps));
    Compiler.setInvocation(std::move(Invocation));
    Compiler.setFileManager(Files);
    Compiler.setVerboseOutputStream(Diagnostics);
    std::unique_ptr<clang::FrontendAction> Action = create();
    Compiler.createDiagnostics(DiagConsumer, /*ShouldOwnClient=*/false);
    if (!Compiler.hasDiagnostics())
      return false;
    Compiler.createSourceManager(*Files);
    bool Success = Compiler.ExecuteAction(*Action);
    Files->clearStatCache();
    return Success;
  }

private:
  std::unique_ptr<clang::tooling::FrontendActionFactory> Checker;
  llvm::raw_ostream &Diagnostics;
};
} // namespace

static TUResult
analyzeOne(const clang::tooling::CompilationDatabase &Compilations,
           const std::string &File, const CheckerOptions &Options) {
  TUResult Result;
  clang::tooling::ClangTool Tool(
      Compilations, {File}, std::make_shared<clang::PCHContainerOperations>(),
      llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(
          llvm::vfs::createPhysicalFileSystem().release()));
  Tool.appendArgumentsAdjuster(clang::tooling::getClangSyntaxOnlyAdjuster());
  Tool.appendArgumentsAdjuster(resourceDirAdjuster());

  // Counts errors from the driver as well as the compiler: a flag Clang
  // rejects must fail the run, not analyse nothing and report success.
  llvm::raw_string_ostream DiagnosticsOS(Result.Diagnostics);
  clang::TextDiagnosticPrinter Printer(DiagnosticsOS,
                                       new clang::DiagnosticOptions());
  Tool.setDiagnosticConsumer(&Printer);
  // racelint says which files failed once, at the end.
  Tool.setPrintErrorMessage(false);
  BufferedCheckerFactory Factory(Options, Result, DiagnosticsOS);
  int Status = Tool.run(&Factory);
  DiagnosticsOS.flush();
  Result.Failed = Status != 0 || Printer.getNumErrors() > 0;
  return Result;
}

namespace {
/// "[k/N] files analysed" on stderr, only once the run has taken a while.
class Progress {
public:
  Progress(bool Enabled, size_t Total)
      : Enabled(Enabled), Total(Total),
        Start(std::chrono::steady_clock::now()) {}

  void fileDone() {
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    if (!Enabled || std::chrono::steady_clock::now() - Start < Delay)
      return;
    llvm::errs() << "\rracelint: [" << Done << "/" << Total
                 << "] files analysed";
    Shown = true;
  }

  void finish() {
    if (Shown)
      llvm::errs() << "\r\x1b[K";
  }

private:
  static constexpr std::chrono::seconds Delay{3};
  std::mutex Mutex;
  bool Enabled;
  size_t Total;
  size_t Done = 0;
  bool Shown = false;
  std::chrono::steady_clock::time_point Start;
};
} // namespace

std::vector<TUResult>
analyzeFiles(const clang::tooling::CompilationDatabase &Compilations,
             const std::vector<std::string> &Files,
             const std::vector<CheckerOptions> &Options,
             ParallelRunOptions RunOptions) {
  std::vector<TUResult> Results(Files.size());
  Progress Meter(RunOptions.ShowProgress, Files.size());
  llvm::ThreadPoolStrategy Strategy =
      llvm::hardware_concurrency(RunOptions.Jobs);
  // No more threads than files: a pool of idle threads costs start-up time.
  if (Strategy.compute_thread_count() > Files.size())
    Strategy = llvm::hardware_concurrency(Files.size());
  llvm::DefaultThreadPool Pool(Strategy);
  for (size_t I = 0; I < Files.size(); ++I)
    Pool.async([&, I] {
      Results[I] = analyzeOne(Compilations, Files[I], Options[I]);
      Meter.fileDone();
    });
  Pool.wait();
  Meter.finish();
  return Results;
}

} // namespace racelint
