//===--- Verdicts.h - Each finding against what the runs showed -*- C++ -*-===//
//
// Matches each finding to the evidence of every run before the fix (a TSan
// report at the finding's accesses, a detached thread alive at exit, output
// that differs from the fixed build's) and says whether the fix holds.
// Computes only; ConfirmReport says it in words.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CONFIRM_VERDICTS_H
#define RACELINT_CONFIRM_VERDICTS_H

#include "Confirm.h"

namespace racelint::confirm {

/// The build of the fixed sources and what its runs showed.
struct FixStage {
  bool Present = false;
  std::string Description; ///< "the fix-its", "money_locked.cpp".
  std::vector<RunEvidence> Runs;
  bool Rechecked = false;         ///< racelint ran on the fixed sources.
  std::vector<Finding> Remaining; ///< What racelint still reports there.
};

/// A TSan report no finding predicted.
struct Unpredicted {
  TsanReport Report;
  unsigned Runs = 0;
};

struct Judgement {
  std::vector<Verdict> Verdicts;
  std::vector<Unpredicted> Recall;
  /// The fixed build's output, the expected one (empty without a fix).
  std::optional<std::string> Expected;
  unsigned CleanAfterRuns = 0;
};

Judgement judge(const std::vector<Finding> &Findings,
                const std::vector<Probe> &Probes,
                const std::vector<RunEvidence> &Before, const FixStage &After);

/// How \p Actual differs from \p Expected, line by line.
OutputDifference diffOutput(const std::string &Actual,
                            const std::string &Expected);

} // namespace racelint::confirm

#endif
