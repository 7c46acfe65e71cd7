//===--- LockDiscipline.cpp - Lock misuse rules over one TU ---------------===//
#include "LockDiscipline.h"

#include "LockFinding.h"
#include "ProgramModel.h"

namespace racelint {

ThreadSide lockThreadSide(const ThreadContexts &Threads, unsigned Context) {
  const ThreadContext &C = Threads.contexts()[Context];
  ThreadSide Side;
  Side.Entry = C.Entry;
  if (!C.Site)
    return Side;
  Side.StartLoc = C.Site->Where->getBeginLoc();
  Side.SeveralInstances = C.Multi;
  Side.StartedInLoop = C.Site->InLoop;
  Side.Kind = C.Site->Call.Kind;
  return Side;
}

std::vector<Report> checkLockDiscipline(ProgramModel &Model) {
  return describeLockFindings(findUnreleasedLocks(Model),
                              findLockOrderInversions(Model),
                              findBlockingUnderLock(Model), Model.Context);
}

} // namespace racelint
