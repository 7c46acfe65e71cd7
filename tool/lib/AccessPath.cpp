//===--- AccessPath.cpp - How racelint names memory -----------------------===//
#include "AccessPath.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <tuple>
#include <utility>

namespace racelint {

AccessPath AccessPath::global(const clang::ValueDecl *D) {
  AccessPath P;
  P.Kind = RootKind::Global;
  P.Decl = D->getCanonicalDecl();
  return P;
}

AccessPath AccessPath::local(const clang::ValueDecl *D) {
  AccessPath P;
  P.Kind = RootKind::Local;
  P.Decl = D;
  return P;
}

AccessPath AccessPath::param(unsigned Index, const clang::ValueDecl *D) {
  AccessPath P;
  P.Kind = RootKind::Param;
  P.Decl = D;
  P.Index = Index;
  return P;
}

AccessPath AccessPath::thisObject() {
  AccessPath P;
  P.Kind = RootKind::This;
  return P;
}

AccessPath AccessPath::fresh(const clang::Expr *Site) {
  AccessPath P;
  P.Kind = RootKind::Fresh;
  P.Decl = Site;
  return P;
}

AccessPath AccessPath::withStep(PathStep Step) const {
  AccessPath P = *this;
  if (Step.Kind == StepKind::Deref && P.isAddress()) {
    P.Steps.pop_back();
    return P;
  }
  P.Steps.push_back(Step);
  return P;
}

AccessPath AccessPath::rebase(const AccessPath &NewRoot) const {
  AccessPath P = NewRoot;
  for (const PathStep &S : Steps)
    P = P.withStep(S);
  return P;
}

bool AccessPath::throughIndirection() const {
  for (const PathStep &S : Steps)
    if (S.Kind == StepKind::Deref)
      return true;
  if (Kind == RootKind::Param || Kind == RootKind::Local)
    if (const auto *VD = static_cast<const clang::ValueDecl *>(Decl))
      return VD->getType()->isReferenceType();
  return false;
}

bool AccessPath::hasDistinctElement() const {
  for (const PathStep &S : Steps)
    if (S.Kind == StepKind::DistinctElement)
      return true;
  return false;
}

AccessPath AccessPath::withPlainElements() const {
  AccessPath P = *this;
  for (PathStep &S : P.Steps)
    if (S.Kind == StepKind::DistinctElement)
      S.Kind = StepKind::Element;
  return P;
}

bool AccessPath::distinctFrom(const AccessPath &O) const {
  if (Steps.size() != O.Steps.size())
    return false;
  for (size_t I = 0; I < Steps.size(); ++I) {
    const std::optional<int64_t> &Mine = Steps[I].ConstantIndex;
    const std::optional<int64_t> &Theirs = O.Steps[I].ConstantIndex;
    if (Mine && Theirs && *Mine != *Theirs)
      return true;
  }
  return false;
}

std::string AccessPath::spelling() const {
  std::string Name;
  switch (Kind) {
  case RootKind::Global:
  case RootKind::Local:
  case RootKind::Param:
    Name = static_cast<const clang::ValueDecl *>(Decl)->getNameAsString();
    break;
  case RootKind::This:
    Name = "this";
    break;
  case RootKind::Fresh:
    Name = "<allocation>";
    break;
  }
  bool PendingDeref = false;
  const clang::FieldDecl *Previous = nullptr;
  for (const PathStep &S : Steps) {
    const clang::FieldDecl *Field = std::exchange(Previous, S.Field);
    switch (S.Kind) {
    case StepKind::Deref:
      // A reference member's dereference is implicit in the source.
      PendingDeref = !(Field && Field->getType()->isReferenceType());
      continue;
    case StepKind::Field:
      if (Kind == RootKind::This && Name == "this")
        Name = S.Field->getNameAsString();
      else
        Name += (PendingDeref ? "->" : ".") + S.Field->getNameAsString();
      break;
    case StepKind::Element:
    case StepKind::DistinctElement:
      Name += "[]";
      break;
    case StepKind::AddressOf:
      Name = "&" + Name;
      break;
    }
    PendingDeref = false;
  }
  if (PendingDeref)
    Name = "*" + Name;
  return Name;
}

bool AccessPath::operator==(const AccessPath &O) const {
  return Kind == O.Kind && Decl == O.Decl && Index == O.Index &&
         Steps == O.Steps;
}

bool AccessPath::operator<(const AccessPath &O) const {
  if (std::tie(Kind, Decl, Index) != std::tie(O.Kind, O.Decl, O.Index))
    return std::tie(Kind, Decl, Index) < std::tie(O.Kind, O.Decl, O.Index);
  return std::lexicographical_compare(Steps.begin(), Steps.end(),
                                      O.Steps.begin(), O.Steps.end());
}

llvm::hash_code hash_value(const AccessPath &P) {
  llvm::hash_code H = llvm::hash_combine(P.Kind, P.Decl, P.Index);
  for (const PathStep &S : P.Steps)
    H = llvm::hash_combine(H, S.Kind, S.Field);
  return H;
}

bool AccessPath::startsWith(const AccessPath &Prefix) const {
  if (Kind != Prefix.Kind || Decl != Prefix.Decl || Index != Prefix.Index ||
      Steps.size() < Prefix.Steps.size())
    return false;
  return std::equal(Prefix.Steps.begin(), Prefix.Steps.end(), Steps.begin());
}

} // namespace racelint
