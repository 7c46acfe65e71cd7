//===--- ConfirmReport.h - The before/after summary ------------*- C++ -*-===//
//
// All of racelint-confirm's wording: one line per finding (what confirmed it,
// the output against the fixed build's, what the fix changed), the TSan
// reports no finding predicted, and a summary line; or the same as JSON.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CONFIRM_CONFIRMREPORT_H
#define RACELINT_CONFIRM_CONFIRMREPORT_H

#include "Verdicts.h"

#include "llvm/Support/raw_ostream.h"

namespace racelint::confirm {

/// Everything a report needs to say.
struct Session {
  std::vector<std::string> Files;
  unsigned WindowMs = 0;
  std::vector<Finding> Findings;
  std::vector<Probe> Probes;
  std::vector<RunEvidence> Before;
  FixStage After;
  Judgement Verdicts;
};

void printText(llvm::raw_ostream &OS, const Session &S);
void printJson(llvm::raw_ostream &OS, const Session &S);

/// 0 when every finding was confirmed and its fix verified and TSan reported
/// nothing unpredicted; 1 otherwise.
int exitStatus(const Session &S);

} // namespace racelint::confirm

#endif
