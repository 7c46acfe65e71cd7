//===--- RuleFilterTest.cpp - --checks globs ------------------------------===//
#include "Checker.h"

#include "gtest/gtest.h"

using namespace racelint;

static RuleFilter parseOrDie(llvm::StringRef Globs) {
  auto Filter = RuleFilter::parse(Globs);
  EXPECT_TRUE(static_cast<bool>(Filter)) << llvm::toString(Filter.takeError());
  return *Filter;
}

TEST(RuleFilterTest, EverythingIsOnByDefault) {
  RuleFilter Filter;
  for (const RuleInfo &Info : allRules())
    EXPECT_TRUE(Filter.isEnabled(Info.Id)) << Info.Name.str();
}

TEST(RuleFilterTest, LaterGlobsWin) {
  RuleFilter Filter = parseOrDie("-*,unsynchronized-rmw");
  EXPECT_TRUE(Filter.isEnabled(Rule::UnsynchronizedRMW));
  EXPECT_FALSE(Filter.isEnabled(Rule::DataRace));
  EXPECT_FALSE(Filter.isEnabled(Rule::SplitCriticalSection));
}

TEST(RuleFilterTest, WildcardsMatchInsideNames) {
  RuleFilter Filter = parseOrDie("-*,*race*");
  EXPECT_TRUE(Filter.isEnabled(Rule::DataRace));
  EXPECT_FALSE(Filter.isEnabled(Rule::UnsynchronizedRMW));
}

TEST(RuleFilterTest, ClangTidyPrefixIsAccepted) {
  RuleFilter Filter = parseOrDie("-*,racelint-data-race");
  EXPECT_TRUE(Filter.isEnabled(Rule::DataRace));
}

TEST(RuleFilterTest, UnknownNameIsAnError) {
  auto Filter = RuleFilter::parse("-*,data-rcae");
  ASSERT_FALSE(static_cast<bool>(Filter));
  EXPECT_EQ(llvm::toString(Filter.takeError()),
            "unknown check 'data-rcae' (see --list-checks)");
}

TEST(RuleFilterTest, AllOffIsNoticed) {
  EXPECT_TRUE(RuleFilter().anyEnabled());
  EXPECT_TRUE(parseOrDie("-*,daemon-thread").anyEnabled());
  EXPECT_FALSE(parseOrDie("-*").anyEnabled());
}
