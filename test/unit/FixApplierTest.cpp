//===--- FixApplierTest.cpp - --fix, --export-fixes and SARIF fixes -------===//
//
// The plumbing is tested on hand-made Reports: --fix rewrites the files
// with a finding's first fix or, preferred, its atomic alternative,
// --export-fixes writes the YAML clang-apply-replacements reads, overlapping
// fixes are left out whole, and SARIF carries every fix and a code flow per
// thread start.
//
//===----------------------------------------------------------------------===//
#include "FixApplier.h"
#include "SarifOutput.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

using namespace racelint;

namespace {
class FixApplierTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(
        llvm::sys::fs::createUniqueDirectory("racelint-fixes", Folder));
    File = (Folder + "/money.cpp").str();
    write(File, "int money;\nvoid spend() { money--; }\n");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(Folder); }

  static void write(const std::string &Path, llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << Text;
  }
  static std::string read(const std::string &Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    return Buffer ? (*Buffer)->getBuffer().str() : "<unreadable>";
  }

  /// A report on 'money--' whose first fix locks it and second makes it
  /// atomic (offsets into the file above).
  Report lockedReport() const {
    Report R;
    R.RuleId = Rule::UnsynchronizedRMW;
    R.Where = {File, 2, 16};
    R.Message = "'money' is decremented without a lock";
    R.Notes.push_back({{File, 2, 1},
                       "a thread running 'spend' is started "
                       "here",
                       /*ThreadStart=*/true});
    R.Notes.push_back({{File, 2, 16}, "the other access", false});
    Fix Lock;
    Lock.Description = "lock 'money_lock' around the update";
    Lock.Edits.push_back({{File, 1, 11}, 10, 0, "\nstd::mutex money_lock;"});
    Lock.Edits.push_back(
        {{File, 2, 16}, 26, 0, "std::lock_guard<std::mutex> g(money_lock); "});
    Fix Atomic;
    Atomic.Description = "make 'money' std::atomic<int>";
    Atomic.Edits.push_back({{File, 1, 1}, 0, 3, "std::atomic<int>"});
    Atomic.MakesAtomic = true;
    R.Fixes = {Lock, Atomic};
    return R;
  }

  llvm::SmallString<128> Folder;
  std::string File;
};
} // namespace

TEST_F(FixApplierTest, FixAppliesTheFirstFixToTheFile) {
  FixApplier Fixes;
  EXPECT_TRUE(Fixes.add(lockedReport()));
  ASSERT_FALSE(static_cast<bool>(Fixes.applyToFiles()));
  EXPECT_EQ(read(File), "int money;\nstd::mutex money_lock;\nvoid spend() { "
                        "std::lock_guard<std::mutex> g(money_lock); money--; "
                        "}\n");
}

TEST_F(FixApplierTest, PreferAtomicTakesTheAtomicAlternative) {
  FixApplier Fixes(/*PreferAtomic=*/true);
  EXPECT_TRUE(Fixes.add(lockedReport()));
  ASSERT_FALSE(static_cast<bool>(Fixes.applyToFiles()));
  EXPECT_EQ(read(File), "std::atomic<int> money;\nvoid spend() { money--; }\n");
  // A finding with no atomic alternative still gets its first fix.
  Report LockOnly = lockedReport();
  LockOnly.Fixes.pop_back();
  FixApplier Fallback(/*PreferAtomic=*/true);
  EXPECT_TRUE(Fallback.add(LockOnly));
  EXPECT_EQ(Fallback.replacements().at(File).size(), 2u);
}

TEST_F(FixApplierTest, InsertionsAtOnePlaceAreAllKeptOnce) {
  auto IncludeFix = [&](llvm::StringRef Header, unsigned Offset,
                        llvm::StringRef Text) {
    Report R = lockedReport();
    Fix F;
    F.Description = "include " + Header.str();
    F.Edits.push_back(
        {{File, 1, 1}, 0, 0, "#include <" + Header.str() + ">\n"});
    F.Edits.push_back({{File, 2, 1}, Offset, 0, Text.str()});
    R.Fixes = {F};
    return R;
  };
  FixApplier Fixes;
  EXPECT_TRUE(Fixes.add(IncludeFix("mutex", 11, "/*a*/")));
  EXPECT_TRUE(Fixes.add(IncludeFix("atomic", 16, "/*b*/")));
  EXPECT_TRUE(Fixes.add(IncludeFix("mutex", 26, "/*c*/")));
  EXPECT_EQ(Fixes.conflicting(), 0u);
  ASSERT_FALSE(static_cast<bool>(Fixes.applyToFiles()));
  EXPECT_EQ(read(File), "#include <mutex>\n#include <atomic>\nint money;\n/*a*/"
                        "void /*b*/spend() { /*c*/money--; }\n");
}

TEST_F(FixApplierTest, OverlappingFixIsLeftOutWhole) {
  FixApplier Fixes;
  Report Other = lockedReport();
  Other.Fixes.front().Edits.front().Length = 3;
  Other.Fixes.front().Edits.front().Offset = 9;
  EXPECT_TRUE(Fixes.add(lockedReport()));
  EXPECT_FALSE(Fixes.add(Other));
  EXPECT_EQ(Fixes.taken(), 1u);
  EXPECT_EQ(Fixes.conflicting(), 1u);
  // The same fix twice (a header seen by two TUs) is taken, and applied once.
  EXPECT_TRUE(Fixes.add(lockedReport()));
  EXPECT_EQ(Fixes.replacements().at(File).size(), 2u);
}

TEST_F(FixApplierTest, ExportWritesClangApplyReplacementsYaml) {
  FixApplier Fixes;
  EXPECT_TRUE(Fixes.add(lockedReport()));
  std::string Yaml = (Folder + "/fixes.yaml").str();
  ASSERT_FALSE(static_cast<bool>(Fixes.exportYaml(Yaml, File)));
  std::string Text = read(Yaml);
  EXPECT_NE(Text.find("MainSourceFile:  '" + File + "'"), std::string::npos)
      << Text;
  EXPECT_NE(Text.find("Offset:          26"), std::string::npos) << Text;
  EXPECT_NE(Text.find("ReplacementText: "), std::string::npos) << Text;
  EXPECT_EQ(read(File), "int money;\nvoid spend() { money--; }\n");
}

TEST_F(FixApplierTest, SarifCarriesEveryFixAndAFlowPerThreadStart) {
  LintRun Run;
  Run.SrcRoot = Folder.str().str();
  Run.Reports.push_back(lockedReport());
  Run.Fingerprints.push_back("0123:1");
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  printSarif(OS, Run);
  llvm::Expected<llvm::json::Value> Parsed = llvm::json::parse(Out);
  ASSERT_TRUE(static_cast<bool>(Parsed)) << llvm::toString(Parsed.takeError());
  const llvm::json::Object &Result = *Parsed->getAsObject()
                                          ->getArray("runs")
                                          ->front()
                                          .getAsObject()
                                          ->getArray("results")
                                          ->front()
                                          .getAsObject();
  ASSERT_TRUE(Result.getArray("fixes"));
  EXPECT_EQ(Result.getArray("fixes")->size(), 2u);
  ASSERT_TRUE(Result.getArray("codeFlows"));
  EXPECT_EQ(Result.getArray("codeFlows")->size(), 1u);
  EXPECT_EQ(Result.getArray("relatedLocations")->size(), 2u);
  const llvm::json::Object &Change = *Result.getArray("fixes")
                                          ->front()
                                          .getAsObject()
                                          ->getArray("artifactChanges")
                                          ->front()
                                          .getAsObject();
  EXPECT_EQ(*Change.getObject("artifactLocation")->getString("uri"),
            "money.cpp");
  EXPECT_EQ(Change.getArray("replacements")->size(), 2u);
}
