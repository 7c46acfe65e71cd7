// racelint crashed (SIGSEGV, exit 139, nothing on stderr) on a range-based for
// over a temporary whose type has a non-trivial destructor. No threads needed.
// Found by bench/run.py: samples/thread_ways/thread_ways.cpp crashed the same
// way (range-for over std::filesystem::directory_iterator("/proc/self/task")).
// Fixed by b31e40d (18:22, isFutureType); kept as a regression input: run.py
// runs every file in bench/repro/.
//
//   build/bin/racelint bench/repro/range-for-temporary-dtor.cpp -- -std=c++17
//
// clang++-19 -fsyntax-only accepts it. Cause (debug build of 810effd, gdb):
// SummaryBuilder::destroyVariable (tool/lib/FunctionSummary.cpp:805-807) tests
// VD->getType().getNonReferenceType()->getAsCXXRecordDecl() but then calls
// VD->getType()->getAsCXXRecordDecl()->getName(): the range-for's hidden
// '__range1' is a 'Range &&' bound to a lifetime-extended temporary, so its
// CFGAutomaticObjDtor carries a reference-typed variable and the second
// getAsCXXRecordDecl() is null.

struct Range {
  ~Range();
  int *begin() const;
  int *end() const;
};

void f() {
  for (int x : Range())
    (void)x;
}
