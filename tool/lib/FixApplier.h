//===--- FixApplier.h - --fix and --export-fixes ----------------*- C++ -*-===//
//
// Turns the fix-its of reported findings into clang::tooling::Replacements:
// applied to the files in place (--fix), or written as the YAML that
// clang-apply-replacements reads (--export-fixes). One fix of a finding is
// taken: its first, or with --prefer-atomic-fix its atomic alternative where
// it has one. A fix that overlaps one already taken is left out whole, never
// half applied; two insertions at one place (two fixes' includes) are both
// kept, each text once.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_FIXAPPLIER_H
#define RACELINT_FIXAPPLIER_H

#include "Report.h"

#include "clang/Tooling/Core/Replacement.h"
#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace racelint {

class FixApplier {
public:
  explicit FixApplier(bool PreferAtomic = false) : PreferAtomic(PreferAtomic) {}

  /// Takes one fix of \p R, if it has one and it fits with the fixes taken
  /// so far; returns whether it was taken.
  bool add(const Report &R);

  /// Number of fixes taken, and of fixes left out for overlapping.
  unsigned taken() const { return Taken; }
  unsigned conflicting() const { return Conflicting; }

  /// Rewrites each file with the fixes taken.
  llvm::Error applyToFiles() const;

  /// Writes the fixes taken as clang-apply-replacements YAML, naming
  /// \p MainSourceFile as the translation unit.
  llvm::Error exportYaml(llvm::StringRef Path,
                         llvm::StringRef MainSourceFile) const;

  /// The replacements taken, by file.
  const std::map<std::string, clang::tooling::Replacements> &
  replacements() const {
    return ByFile;
  }

private:
  const Fix *choose(const Report &R) const;

  bool PreferAtomic;
  std::map<std::string, clang::tooling::Replacements> ByFile;
  unsigned Taken = 0;
  unsigned Conflicting = 0;
};

} // namespace racelint

#endif
