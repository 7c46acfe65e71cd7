//===--- ForwardDataflow.h - One driver for the CFG walks -------*- C++ -*-===//
//
// The summary builder and lock-not-released's may-held walk both run a
// forward dataflow over a function's CFG to a fixpoint, then make one more
// pass that records. The driver is the same; only the lattice and the
// transfer functions differ.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_FORWARDDATAFLOW_H
#define RACELINT_FORWARDDATAFLOW_H

#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"

#include <vector>

namespace racelint {

/// Runs the blocks of \p Graph in reverse post-order (PostOrderCFGView skips
/// the null successors of edges Clang pruned) until no block's entry state
/// changes or \p MaxRounds rounds pass, then calls \p StartRecording and runs
/// every reached block once more. \p State is the walker's current state:
/// \p TransferBlock updates it for a block, \p TransferEdge adjusts a copy for
/// one successor edge. StateT has a `Reached` flag and `bool join(const
/// StateT &)` that reports a change. Returns the exit block's entry state.
template <typename StateT, typename BlockFn, typename EdgeFn, typename RecordFn>
StateT runForwardDataflow(const clang::CFG &Graph, unsigned MaxRounds,
                          StateT &State, BlockFn TransferBlock,
                          EdgeFn TransferEdge, RecordFn StartRecording) {
  clang::PostOrderCFGView View(&Graph);
  std::vector<StateT> Entry(Graph.getNumBlockIDs());
  Entry[Graph.getEntry().getBlockID()].Reached = true;

  auto RunBlock = [&](const clang::CFGBlock *B) {
    State = Entry[B->getBlockID()];
    TransferBlock(B);
    bool Changed = false;
    for (const clang::CFGBlock *Succ : B->succs()) {
      if (!Succ)
        continue;
      StateT Edge = State;
      TransferEdge(B, Succ, Edge);
      Changed |= Entry[Succ->getBlockID()].join(Edge);
    }
    return Changed;
  };
  auto RunReached = [&] {
    bool Changed = false;
    for (const clang::CFGBlock *B : View)
      if (Entry[B->getBlockID()].Reached)
        Changed |= RunBlock(B);
    return Changed;
  };

  for (unsigned Round = 0; Round < MaxRounds; ++Round)
    if (!RunReached())
      break;
  StartRecording();
  RunReached();
  return Entry[Graph.getExit().getBlockID()];
}

} // namespace racelint

#endif
