//===--- FixEdits.h - A fix's edits, from Clang's locations -----*- C++ -*-===//
//
// Fix planners work on the AST's source locations; a Fix carries plain
// offsets. An edit that would land in a macro expansion or outside any file
// is refused (std::nullopt), so a planner drops the whole fix.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_FIXEDITS_H
#define RACELINT_FIXEDITS_H

#include "Report.h"

#include "clang/Basic/SourceManager.h"

#include <optional>
#include <string>

namespace racelint {

class FixEditor {
public:
  explicit FixEditor(const clang::SourceManager &SM) : SM(SM) {}

  std::optional<TextEdit> insert(clang::SourceLocation Loc,
                                 std::string Text) const;
  /// Replaces the characters from \p Begin up to (not including) \p End.
  std::optional<TextEdit> replace(clang::SourceLocation Begin,
                                  clang::SourceLocation End,
                                  std::string Text) const;
  /// '#include <Header>' before the first include of \p File; an edit with
  /// no text when the file includes it already.
  std::optional<TextEdit> include(clang::FileID File,
                                  llvm::StringRef Header) const;

private:
  const clang::SourceManager &SM;
};

} // namespace racelint

#endif
