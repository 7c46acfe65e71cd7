//===--- LintRun.h - What one racelint run found, ready to print -*- C++
//-*-===//
//
// The printers (text, JSON, SARIF), the baseline and --fix all read the same
// plain data: the findings left after configuration, suppressions and the
// baseline, each with its fingerprint, plus what went wrong on the way.
// Paths in SARIF and JSON are relative to the source root, so a finding keeps
// its identity whichever folder CI checks the code out into.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_LINTRUN_H
#define RACELINT_LINTRUN_H

#include "Report.h"

#include <string>
#include <vector>

namespace racelint {

/// A suppression comment that suppressed nothing.
struct UnusedSuppression {
  SourcePoint Where;
  /// The comment's directive as written, e.g. "racelint: ignore[data-race]".
  std::string Directive;

  /// The diagnostic's wording, shared by every output format.
  std::string message() const;
};

/// The pseudo-rule ID unused suppressions are reported under.
inline constexpr llvm::StringLiteral UnusedSuppressionRule =
    "unused-suppression";

/// A translation unit that could not be analysed.
struct ToolError {
  std::string File;
  std::string Message;
};

struct LintRun {
  /// Sorted by location; what the run reports.
  std::vector<Report> Reports;
  /// Fingerprints[I] identifies Reports[I] across unrelated edits.
  std::vector<std::string> Fingerprints;
  std::vector<UnusedSuppression> UnusedSuppressions;
  std::vector<ToolError> Errors;
  /// Findings left out because the baseline holds them.
  unsigned BaselineMatches = 0;
  /// Absolute, without a trailing separator.
  std::string SrcRoot;
};

/// \p File relative to \p SrcRoot with '/' separators when it lies inside
/// it; otherwise nullopt.
std::optional<std::string> relativeToRoot(llvm::StringRef File,
                                          llvm::StringRef SrcRoot);

/// \p Path as a URI reference: unreserved characters and '/' kept, every
/// other byte percent-encoded.
std::string uriEscape(llvm::StringRef Path);

/// A file: URI for the absolute \p Path (a folder gets a trailing '/' when
/// \p IsFolder).
std::string fileUri(llvm::StringRef Path, bool IsFolder = false);

} // namespace racelint

#endif
