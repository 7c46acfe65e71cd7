//===--- SourcePoints.h - From Clang's locations to plain data --*- C++ -*-===//
//
// Every reporter turns SourceLocations into the plain SourcePoints a Report
// carries, the same way: the file location a macro expands at, as the
// presumed (#line-aware) file, line and column.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_SOURCEPOINTS_H
#define RACELINT_SOURCEPOINTS_H

#include "Report.h"

#include "clang/Basic/SourceManager.h"

namespace racelint {

/// Where \p Loc is, or an empty point when it is nowhere in a file.
inline SourcePoint sourcePoint(const clang::SourceManager &SM,
                               clang::SourceLocation Loc) {
  clang::PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return {};
  return {P.getFilename(), P.getLine(), P.getColumn()};
}

} // namespace racelint

#endif
