//===--- LocksetTest.cpp - The must-held lockset --------------------------===//
#include "Lockset.h"

#include "ASTFixture.h"

using namespace racelint;
using namespace clang;

namespace {
class LocksetTest : public ::testing::Test {
protected:
  void SetUp() override {
    AST = parse("int a, b, c;");
    A = AccessPath::global(findDecl<VarDecl>(AST->getASTContext(), "a"));
    B = AccessPath::global(findDecl<VarDecl>(AST->getASTContext(), "b"));
    C = AccessPath::global(findDecl<VarDecl>(AST->getASTContext(), "c"));
    Here = AST->getSourceManager().getLocForStartOfFile(
        AST->getSourceManager().getMainFileID());
    There = Here.getLocWithOffset(4);
  }

  std::unique_ptr<ASTUnit> AST;
  AccessPath A, B, C;
  SourceLocation Here, There;
};
} // namespace

TEST_F(LocksetTest, AcquireKeepsOneEntryPerLock) {
  Lockset L;
  L.acquire(B, Here, false);
  L.acquire(A, Here, false);
  L.acquire(B, There, false);
  ASSERT_EQ(L.locks().size(), 2u);
  EXPECT_EQ(L.find(B)->AcquiredAt, Here) << "a re-acquire is not a new hold";
}

TEST_F(LocksetTest, ReleaseOfAnUnheldLockSaysSo) {
  Lockset L;
  L.acquire(A, Here, false);
  EXPECT_FALSE(L.release(B));
  EXPECT_TRUE(L.release(A));
  EXPECT_TRUE(L.empty());
}

TEST_F(LocksetTest, IntersectKeepsWhatBothPathsHold) {
  Lockset Left, Right;
  Left.acquire(A, Here, false);
  Left.acquire(B, Here, false);
  Right.acquire(B, Here, false);
  Right.acquire(C, Here, false);
  Left.intersect(Right);
  ASSERT_EQ(Left.locks().size(), 1u);
  EXPECT_TRUE(Left.find(B));
  EXPECT_EQ(Left.find(B)->AcquiredAt, Here);
}

TEST_F(LocksetTest, MergingDifferentAcquisitionSitesForgetsTheSite) {
  Lockset Left, Right;
  Left.acquire(A, Here, false);
  Right.acquire(A, There, false);
  Left.intersect(Right);
  ASSERT_TRUE(Left.find(A));
  EXPECT_TRUE(Left.find(A)->AcquiredAt.isInvalid());
}

TEST_F(LocksetTest, SharedHoldersDoNotExcludeEachOther) {
  Lockset Reader1, Reader2, Writer;
  Reader1.acquire(A, Here, /*Shared=*/true);
  Reader2.acquire(A, Here, /*Shared=*/true);
  Writer.acquire(A, Here, /*Shared=*/false);
  EXPECT_FALSE(excludeEachOther(Reader1, Reader2));
  EXPECT_TRUE(excludeEachOther(Reader1, Writer));
  EXPECT_FALSE(excludeEachOther(Writer, Lockset()));
}

TEST_F(LocksetTest, MapPathsDropsWhatCannotBeExpressed) {
  Lockset L;
  L.acquire(A, Here, false);
  L.acquire(B, Here, false);
  Lockset Mapped = L.mapPaths([&](const AccessPath &In, AccessPath &Out) {
    Out = In == A ? C : In;
    return In == A;
  });
  ASSERT_EQ(Mapped.locks().size(), 1u);
  EXPECT_TRUE(Mapped.find(C));
}

TEST_F(LocksetTest, ACalleesReleaseOfItsCallersLockDropsItFromTheCaller) {
  // The callee: unlock(a) (the caller's), then lock(b) of its own.
  Lockset Callee;
  EXPECT_FALSE(Callee.release(A));
  Callee.acquire(B, There, false);
  EXPECT_TRUE(Callee.find(A) == nullptr);

  Lockset Caller;
  Caller.acquire(A, Here, false);
  Caller.acquire(C, Here, false);
  Caller.unite(Callee);
  EXPECT_EQ(Caller.find(A), nullptr) << "released by the callee";
  EXPECT_NE(Caller.find(B), nullptr);
  EXPECT_NE(Caller.find(C), nullptr);
}

TEST_F(LocksetTest, ReleasedOnEitherPathCountsAsReleased) {
  Lockset Released, Kept;
  Released.release(A);
  Kept.intersect(Released);
  Lockset Caller;
  Caller.acquire(A, Here, false);
  Caller.unite(Kept);
  EXPECT_EQ(Caller.find(A), nullptr);
  EXPECT_FALSE(Kept == Lockset()) << "the release is part of the state";
}

TEST_F(LocksetTest, ACalleeThatTakesTheLockBackHoldsItAgain) {
  Lockset Callee;
  Callee.release(A);
  Callee.acquire(A, There, false);
  Lockset Caller;
  Caller.acquire(A, Here, false);
  Caller.unite(Callee);
  ASSERT_NE(Caller.find(A), nullptr);
  EXPECT_EQ(Caller.find(A)->AcquiredAt, There)
      << "a new critical section, begun in the callee";
}
