//===--- ProbeInserter.h - Race-window probes in a copy --------*- C++ -*-===//
//
// Places __racelint_window("FILE", LINE); calls in the text of a source file
// (meant for a temporary copy, never the user's file), as new statements
// after the statement that holds a finding's read, found on Clang's AST. The
// call goes on the same line, so every line keeps its number and TSan's
// stacks in the copy name the original's lines.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CONFIRM_PROBEINSERTER_H
#define RACELINT_CONFIRM_PROBEINSERTER_H

#include "Confirm.h"

#include <string>
#include <vector>

namespace racelint::confirm {

/// Where a finding wants its probe: a window after the statement holding
/// \c After (the read, or the release of a split critical section), as long
/// as that statement does not also hold \c Write; failing that, a reach probe
/// after the statement holding \c Write.
struct ProbeRequest {
  SourcePoint After;
  SourcePoint Write;
};

struct ProbedSource {
  std::string Text;          ///< The source with the probes inserted.
  std::vector<Probe> Probes; ///< One per distinct place, in source order.
};

/// Parses \p Code (the contents of \p Path) with \p Flags and inserts a probe
/// for each request about \p Path it can place. Requests it cannot place (a
/// macro, no statement, a parse failure) get no probe. \p ResourceDir is
/// Clang's builtin-header folder.
ProbedSource insertProbes(const std::string &Path, const std::string &Code,
                          const std::vector<std::string> &Flags,
                          const std::vector<ProbeRequest> &Requests,
                          const std::string &ResourceDir);

} // namespace racelint::confirm

#endif
