//===--- LockDiscipline.h - Lock misuse rules over one TU -------*- C++ -*-===//
//
// The lock-discipline family: lock-not-released (a may-held walk of each
// function's CFG), lock-order-inversion (cycles in the lock-order graph of
// every thread context) and lock-held-across-blocking-call. They read the
// ProgramModel the race rules share and build no thread model of their own.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_LOCKDISCIPLINE_H
#define RACELINT_LOCKDISCIPLINE_H

#include "Report.h"

#include <vector>

namespace racelint {

class ProgramModel;

/// lock-not-released, lock-order-inversion, lock-held-across-blocking-call.
std::vector<Report> checkLockDiscipline(ProgramModel &Model);

} // namespace racelint

#endif
