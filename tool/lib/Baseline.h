//===--- Baseline.h - Findings accepted when racelint was adopted -*- C++
//-*-===//
//
// A team adopting racelint on old code records today's findings once
// (--write-baseline) and from then on sees only new ones (--baseline). The
// file stores fingerprints, not line numbers, so edits above a finding do not
// make it new; rule, file, line and message are kept beside each fingerprint
// for the people who read the file in review.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_BASELINE_H
#define RACELINT_BASELINE_H

#include "LintRun.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Error.h"

namespace racelint {

/// The baseline file's format version; a file of another version is refused.
inline constexpr unsigned BaselineFormatVersion = 1;

class Baseline {
public:
  /// Reads the baseline at \p Path; the error says what is wrong with it.
  static llvm::Expected<Baseline> read(llvm::StringRef Path);

  /// Writes the findings of \p Run (with their fingerprints) to \p Path.
  static llvm::Error write(llvm::StringRef Path, const LintRun &Run);

  bool contains(llvm::StringRef Fingerprint) const {
    return Fingerprints.contains(Fingerprint);
  }

private:
  llvm::StringSet<> Fingerprints;
};

} // namespace racelint

#endif
