// racelint crashed (SIGSEGV, exit 139, nothing on stderr) on any branch whose
// condition Clang folds to a constant: the CFG leaves the impossible successor
// null, and SummaryBuilder::computeLoopBlocks walked it with
// llvm::scc_iterator, which does not skip null successors (CFGBlock::succ_begin
// on a null block). `while (true)` does the same. Crashed
// samples/gil/gil_timing.cpp up to 810effd; fixed by b31e40d ("crash-free CFG
// order and loop detection"). Kept as a regression input: run.py runs every
// file in bench/repro/.
//
//   build/bin/racelint bench/repro/constant-condition-branch.cpp -- -std=c++17

int f(int n) {
  if (sizeof(int) == 4)
    return n;
  return 0;
}
