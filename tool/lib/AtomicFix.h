//===--- AtomicFix.h - The atomic alternative fix ---------------*- C++ -*-===//
//
// Where a lost update is one read-modify-write expression on an integer
// (x++, --x, x += v), making the variable atomic turns every such update
// into one indivisible step: no lock to forget, nothing to serialise. It is
// offered beside the locked fix, and only where every use of the variable
// in the translation unit provably compiles and keeps its meaning.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_ATOMICFIX_H
#define RACELINT_ATOMICFIX_H

#include "Finding.h"
#include "ProgramModel.h"
#include "Report.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <optional>
#include <vector>

namespace racelint {

/// Plans the atomic alternative once per variable of a translation unit.
class AtomicFixes {
public:
  explicit AtomicFixes(const ProgramModel &Model) : Model(Model) {}

  /// The atomic alternative for the finding whose write is \p Write, if
  /// every use of the variable allows it.
  std::optional<Fix> planFor(const RaceFinding &Finding,
                             const ResolvedAccess &Write);

  using ReferenceIndex =
      llvm::DenseMap<const clang::VarDecl *,
                     std::vector<const clang::DeclRefExpr *>>;

private:
  void index();

  const ProgramModel &Model;
  bool Indexed = false;
  ReferenceIndex References;
  llvm::DenseSet<const clang::VarDecl *> SplitUpdated;
  llvm::DenseMap<const clang::VarDecl *, std::optional<Fix>> ByVariable;
};

} // namespace racelint

#endif
