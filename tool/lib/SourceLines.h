//===--- SourceLines.h - Source files' lines, read once ---------*- C++ -*-===//
//
// Reports outlive their TU's SourceManager, so the printers and the
// fingerprints re-read source lines from disk; each file is read once.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_SOURCELINES_H
#define RACELINT_SOURCELINES_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace racelint {

class SourceLines {
public:
  /// Line \p Line (from 1) of \p File without its line break; empty when the
  /// file cannot be read or is shorter.
  llvm::StringRef line(const std::string &File, unsigned Line);

private:
  llvm::StringMap<std::vector<std::string>> Files;
};

} // namespace racelint

#endif
