//===--- RuleCatalog.cpp - The rules racelint knows -----------------------===//
//
// The table behind --list-checks, --checks globs and SARIF's rule list.
//
//===----------------------------------------------------------------------===//
#include "RuleCatalog.h"

#include "llvm/Support/ErrorHandling.h"

namespace racelint {

static const RuleInfo Rules[] = {
    {Rule::UnsynchronizedRMW, "unsynchronized-rmw",
     "a read-modify-write of shared state that concurrent threads run with no "
     "common lock over the read and the write, so updates are lost",
     Severity::Warning},
    {Rule::DataRace, "data-race",
     "conflicting accesses to shared state from threads that may run at the "
     "same time, at least one a write, with no common lock",
     Severity::Warning},
    {Rule::SplitCriticalSection, "split-critical-section",
     "the read and the write of one update are each locked, but the lock is "
     "released in between, so another thread's update can be lost",
     Severity::Warning},
    {Rule::DaemonThread, "daemon-thread",
     "a detached thread whose work may still be running when main returns or "
     "exit() is called",
     Severity::Warning},
    {Rule::JoinableThreadDestroyed, "joinable-thread-destroyed",
     "a std::thread that can be destroyed while joinable (std::terminate), or "
     "a pthread never joined nor detached",
     Severity::Warning},
    {Rule::LockNotReleased, "lock-not-released",
     "a lock taken by hand that some path leaves without releasing",
     Severity::Warning},
    {Rule::LockOrderInversion, "lock-order-inversion",
     "two locks taken in opposite orders by code that can run concurrently "
     "(potential deadlock)",
     Severity::Warning},
    {Rule::LockHeldAcrossBlockingCall, "lock-held-across-blocking-call",
     "a lock held across a blocking call, which makes the threads take turns",
     Severity::Note},
};

llvm::ArrayRef<RuleInfo> allRules() { return Rules; }

const RuleInfo &ruleInfo(Rule R) {
  for (const RuleInfo &Info : Rules)
    if (Info.Id == R)
      return Info;
  llvm_unreachable("every Rule has a catalog row");
}

const RuleInfo *findRule(llvm::StringRef Name) {
  for (const RuleInfo &Info : Rules)
    if (Info.Name == Name)
      return &Info;
  return nullptr;
}

} // namespace racelint
