//===--- SourceLines.cpp - Source files' lines, read once -----------------===//
#include "SourceLines.h"

#include "llvm/Support/MemoryBuffer.h"

namespace racelint {

llvm::StringRef SourceLines::line(const std::string &File, unsigned Line) {
  auto It = Files.find(File);
  if (It == Files.end()) {
    std::vector<std::string> Lines;
    if (auto Buffer = llvm::MemoryBuffer::getFile(File)) {
      llvm::SmallVector<llvm::StringRef, 0> Split;
      (*Buffer)->getBuffer().split(Split, '\n');
      for (llvm::StringRef L : Split)
        Lines.push_back(L.rtrim("\r").str());
    }
    It = Files.try_emplace(File, std::move(Lines)).first;
  }
  if (Line == 0 || Line > It->second.size())
    return {};
  return It->second[Line - 1];
}

} // namespace racelint
