//===--- RaceFixes.h - The locked fix for a lost update ---------*- C++ -*-===//
//
// Plans the fix-it for unsynchronized-rmw: one critical section over the
// update's read..write, on the mutex that already guards the variable
// elsewhere, else on a new mutex declared beside it. A fix is offered only
// where it provably compiles and cannot deadlock or leak the lock.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_RACEFIXES_H
#define RACELINT_RACEFIXES_H

#include "Finding.h"
#include "ProgramModel.h"
#include "Report.h"

#include <optional>

namespace racelint {

/// The locked fix for the finding whose write is \p Write, if it is safe.
std::optional<Fix> planLockFix(const RaceFinding &Finding,
                               const ResolvedAccess &Write,
                               const ProgramModel &Model);

} // namespace racelint

#endif
