//===--- Fingerprint.h - A finding's identity across edits ------*- C++ -*-===//
//
// Code-scanning UIs and baselines need to recognise a finding after the code
// around it changed. Line numbers shift, so the fingerprint hashes what does
// not: the rule, the file (relative to the source root), the text of the
// primary line (trimmed) and the message with its digits removed (messages
// quote line numbers). An occurrence counter tells apart identical findings
// on identical lines of one file.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_FINGERPRINT_H
#define RACELINT_FINGERPRINT_H

#include "Report.h"

#include <string>
#include <vector>

namespace racelint {

/// The name SARIF's partialFingerprints and the baseline file store it under;
/// the version changes whenever the recipe does.
inline constexpr llvm::StringLiteral FingerprintName = "racelint/v1";

/// One fingerprint per report, "HASH:OCCURRENCE", in the order of
/// \p Reports (which must be sorted, so occurrences count in source order).
std::vector<std::string> computeFingerprints(const std::vector<Report> &Reports,
                                             llvm::StringRef SrcRoot);

} // namespace racelint

#endif
