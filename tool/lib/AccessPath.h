//===--- AccessPath.h - How racelint names memory ---------------*- C++ -*-===//
//
// Glossary (the code uses these words exactly):
//  - shared location: memory two threads can reach, named by an AccessPath.
//  - access: a read or write of a shared location, with the lockset held.
//  - lockset: the locks definitely held at a program point (Lockset.h).
//  - thread entry: the function a new thread runs.
//  - start site: where a thread is started; its handle joins or detaches it.
//  - summary: what one function does, relative to its own parameters.
//  - context: one thread (or the root of the program) with the bindings of
//    its entry's parameters, in which summaries are composed.
//
// An AccessPath is a root (a global, a local, a parameter, 'this', a fresh
// allocation) followed by steps (dereference, field, element, address-of).
// Paths of a summary are relative to its function; composing substitutes
// parameter roots with the caller's argument paths.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_ACCESSPATH_H
#define RACELINT_ACCESSPATH_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>

namespace clang {
class ValueDecl;
class FieldDecl;
class Expr;
} // namespace clang

namespace racelint {

enum class RootKind { Global, Local, Param, This, Fresh };

enum class StepKind { Deref, Field, Element, DistinctElement, AddressOf };

struct PathStep {
  StepKind Kind;
  const clang::FieldDecl *Field = nullptr;
  /// An element step's index when it is a constant. Not part of the step's
  /// identity (equality, order, hash): arr[0] and arr[i] must meet as one
  /// location; AccessPath::distinctFrom tells arr[0] from arr[1].
  std::optional<int64_t> ConstantIndex;

  bool operator==(const PathStep &O) const {
    return Kind == O.Kind && Field == O.Field;
  }
  bool operator<(const PathStep &O) const {
    return Kind != O.Kind ? Kind < O.Kind : Field < O.Field;
  }
};

class AccessPath {
public:
  static AccessPath global(const clang::ValueDecl *D);
  static AccessPath local(const clang::ValueDecl *D);
  static AccessPath param(unsigned Index, const clang::ValueDecl *D);
  static AccessPath thisObject();
  /// A fresh allocation at \p Site; distinct for every evaluation.
  static AccessPath fresh(const clang::Expr *Site);

  RootKind rootKind() const { return Kind; }
  /// The root variable (a ValueDecl), or the allocation (an Expr).
  const void *rootDecl() const { return Decl; }
  unsigned paramIndex() const { return Index; }
  llvm::ArrayRef<PathStep> steps() const { return Steps; }

  /// Appends a step; a dereference cancels a trailing address-of.
  AccessPath withStep(PathStep Step) const;
  AccessPath deref() const { return withStep({StepKind::Deref}); }
  AccessPath addressOf() const { return withStep({StepKind::AddressOf}); }
  AccessPath field(const clang::FieldDecl *F) const {
    return withStep({StepKind::Field, F});
  }

  /// This path with its root replaced by \p NewRoot (steps appended).
  AccessPath rebase(const AccessPath &NewRoot) const;

  /// True when the path names an address, not memory (ends in '&').
  bool isAddress() const {
    return !Steps.empty() && Steps.back().Kind == StepKind::AddressOf;
  }
  /// True when the path goes through memory that is not the root variable
  /// itself (a dereference, or a reference parameter).
  bool throughIndirection() const;
  /// True when some element step is indexed by a per-thread value.
  bool hasDistinctElement() const;
  /// This path with every per-thread element step made a plain one, so that
  /// arr[id] and arr[k] name the same location.
  AccessPath withPlainElements() const;

  /// Whether this path and \p O, the same location to operator==, index
  /// one array with different constants somewhere: distinct memory.
  bool distinctFrom(const AccessPath &O) const;

  /// The variable or field the path ends at, for messages.
  std::string spelling() const;

  bool operator==(const AccessPath &O) const;
  bool operator!=(const AccessPath &O) const { return !(*this == O); }
  bool operator<(const AccessPath &O) const;

  /// Whether \p Prefix is this path or a prefix of it (a lock on a whole
  /// object covers its fields; a container handle covers its elements).
  bool startsWith(const AccessPath &Prefix) const;

  friend llvm::hash_code hash_value(const AccessPath &P);

private:
  RootKind Kind = RootKind::Global;
  const void *Decl = nullptr;
  unsigned Index = 0;
  llvm::SmallVector<PathStep, 3> Steps;
};

} // namespace racelint

#endif
