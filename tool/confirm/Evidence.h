//===--- Evidence.h - What one run of a build showed -----------*- C++ -*-===//
//
// Reads a run's folder: TSan's reports (TSAN_OPTIONS=log_path=DIR/tsan gives
// DIR/tsan.PID) and the shim's events file (DIR/racelint-rt.PID.events, the
// format of docs/runtime.md), into a RunEvidence.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CONFIRM_EVIDENCE_H
#define RACELINT_CONFIRM_EVIDENCE_H

#include "Confirm.h"

#include "llvm/ADT/StringRef.h"

namespace racelint::confirm {

/// The reports in the text of one TSan log.
std::vector<TsanReport> parseTsanLog(llvm::StringRef Text);

/// Adds the shim's events in the text of one events file to \p Run.
void parseEvents(llvm::StringRef Text, RunEvidence &Run);

/// Reads every TSan log and events file in \p Dir into \p Run.
void readRunFolder(llvm::StringRef Dir, RunEvidence &Run);

} // namespace racelint::confirm

#endif
