//===--- Suppressions.h - Inline suppression comments -----------*- C++ -*-===//
//
// A finding is suppressed by a comment on its primary line or the line
// before: "// racelint: ignore", "// racelint: ignore[rule,...]", or
// clang-tidy's "NOLINT(racelint-rule)" on the line and
// "NOLINTNEXTLINE(racelint-rule)" on the line before. A NOLINT that names no
// racelint rule belongs to clang-tidy and is left alone.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_SUPPRESSIONS_H
#define RACELINT_SUPPRESSIONS_H

#include "LintRun.h"
#include "Report.h"

#include "llvm/ADT/StringMap.h"

#include <string>
#include <vector>

namespace racelint {

/// One suppression comment, as found in a source line.
struct Suppression {
  unsigned Line = 0;
  unsigned Column = 0;
  /// The directive as written ("racelint: ignore[data-race]").
  std::string Directive;
  /// Rule globs without the "racelint-" prefix; empty means every rule.
  std::vector<std::string> Rules;
  /// The first and last line it covers.
  unsigned FirstLine = 0;
  unsigned LastLine = 0;
  bool Used = false;

  bool covers(const Report &R) const;
};

/// The suppressions in one file's text, in source order.
std::vector<Suppression> parseSuppressions(llvm::StringRef Text);

/// Suppression comments of every file a run looks at, read on first use.
class SuppressionIndex {
public:
  /// True if a comment suppresses \p R; that comment counts as used.
  bool suppresses(const Report &R);

  /// The suppressions in \p Files that suppressed nothing, sorted.
  std::vector<UnusedSuppression> unused(const std::vector<std::string> &Files);

private:
  std::vector<Suppression> &inFile(const std::string &File);

  llvm::StringMap<std::vector<Suppression>> Files;
};

} // namespace racelint

#endif
