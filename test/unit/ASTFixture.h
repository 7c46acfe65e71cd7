//===--- ASTFixture.h - Parse a snippet for a unit test ---------*- C++ -*-===//
//
// Unit tests of the analysis pieces need a real AST: this parses a snippet
// with Clang's own headers and finds declarations in it by name.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_TEST_ASTFIXTURE_H
#define RACELINT_TEST_ASTFIXTURE_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include "gtest/gtest.h"

namespace racelint {

inline std::unique_ptr<clang::ASTUnit> parse(llvm::StringRef Code,
                                             bool IsC = false) {
  std::vector<std::string> Args = {
      IsC ? "-std=c11" : "-std=c++17", "-pthread",
      "-resource-dir=" RACELINT_CLANG_RESOURCE_DIR};
  if (IsC)
    Args.insert(Args.begin(), {"-x", "c"});
  auto AST = clang::tooling::buildASTFromCodeWithArgs(
      Code, Args, IsC ? "input.c" : "input.cpp");
  EXPECT_TRUE(AST);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  return AST;
}

/// The unique declaration named \p Name of type T.
template <typename T>
const T *findDecl(clang::ASTContext &Context, llvm::StringRef Name) {
  using namespace clang::ast_matchers;
  auto Matches = match(namedDecl(hasName(Name)).bind("d"), Context);
  for (const BoundNodes &Node : Matches)
    if (const auto *D = Node.getNodeAs<T>("d"))
      return D;
  ADD_FAILURE() << "no declaration named " << Name.str();
  return nullptr;
}

} // namespace racelint

#endif
