//===--- AccessPathTest.cpp - How racelint names memory -------------------===//
#include "AccessPath.h"

#include "ASTFixture.h"

using namespace racelint;
using namespace clang;

TEST(AccessPathTest, DereferenceCancelsAddressOf) {
  auto AST = parse("struct S { int f; } s;");
  const auto *S = findDecl<VarDecl>(AST->getASTContext(), "s");
  const auto *F = findDecl<FieldDecl>(AST->getASTContext(), "f");
  AccessPath Direct = AccessPath::global(S).field(F);
  AccessPath ThroughPointer =
      AccessPath::global(S).addressOf().deref().field(F);
  EXPECT_EQ(Direct, ThroughPointer);
  EXPECT_EQ(Direct.spelling(), "s.f");
}

TEST(AccessPathTest, RebaseSubstitutesTheRoot) {
  auto AST = parse("struct Acct { int balance; };\n"
                   "void work(Acct *a);\n"
                   "Acct shared;");
  ASTContext &Ctx = AST->getASTContext();
  const auto *Param = findDecl<FunctionDecl>(Ctx, "work")->getParamDecl(0);
  const auto *Balance = findDecl<FieldDecl>(Ctx, "balance");
  const auto *Shared = findDecl<VarDecl>(Ctx, "shared");
  // a->balance in work(), with a bound to &shared by the caller.
  AccessPath InCallee = AccessPath::param(0, Param).deref().field(Balance);
  AccessPath InCaller = InCallee.rebase(AccessPath::global(Shared).addressOf());
  EXPECT_EQ(InCaller, AccessPath::global(Shared).field(Balance));
  EXPECT_TRUE(InCallee.throughIndirection());
  EXPECT_EQ(InCaller.spelling(), "shared.balance");
}

TEST(AccessPathTest, FieldsAreSeparateLocations) {
  auto AST = parse("struct S { int x, y; } s;");
  ASTContext &Ctx = AST->getASTContext();
  AccessPath Root = AccessPath::global(findDecl<VarDecl>(Ctx, "s"));
  AccessPath X = Root.field(findDecl<FieldDecl>(Ctx, "x"));
  AccessPath Y = Root.field(findDecl<FieldDecl>(Ctx, "y"));
  EXPECT_NE(X, Y);
  EXPECT_TRUE(X.startsWith(Root));
  EXPECT_FALSE(X.startsWith(Y));
}

TEST(AccessPathTest, PerThreadElementsNameTheSameLocationWhenPlain) {
  auto AST = parse("int slots[4];");
  AccessPath Root =
      AccessPath::global(findDecl<VarDecl>(AST->getASTContext(), "slots"));
  AccessPath Mine = Root.withStep({StepKind::DistinctElement});
  AccessPath Any = Root.withStep({StepKind::Element});
  EXPECT_TRUE(Mine.hasDistinctElement());
  EXPECT_NE(Mine, Any);
  EXPECT_EQ(Mine.withPlainElements(), Any);
  EXPECT_EQ(Mine.spelling(), "slots[]");
}

TEST(AccessPathTest, DifferentConstantIndicesAreDistinctMemory) {
  auto AST = parse("long slots[4];\n"
                   "void bump(long *slot);");
  ASTContext &Ctx = AST->getASTContext();
  AccessPath Array = AccessPath::global(findDecl<VarDecl>(Ctx, "slots"));
  auto At = [&](std::optional<int64_t> Index) {
    PathStep Step{StepKind::Element};
    Step.ConstantIndex = Index;
    return Array.withStep(Step);
  };
  // One location to operator== (they are grouped together)...
  EXPECT_EQ(At(0), At(1));
  EXPECT_EQ(hash_value(At(0)), hash_value(At(std::nullopt)));
  // ...but slots[0] and slots[1] cannot meet; slots[i] may be either.
  EXPECT_TRUE(At(0).distinctFrom(At(1)));
  EXPECT_FALSE(At(1).distinctFrom(At(1)));
  EXPECT_FALSE(At(0).distinctFrom(At(std::nullopt)));
  // The index survives being handed to a thread as &slots[1].
  const auto *Param = findDecl<FunctionDecl>(Ctx, "bump")->getParamDecl(0);
  AccessPath InCallee = AccessPath::param(0, Param).deref();
  EXPECT_TRUE(InCallee.rebase(At(1).addressOf()).distinctFrom(At(0)));
}
