//===--- FixEdits.cpp - A fix's edits, from Clang's locations -------------===//
#include "FixEdits.h"

#include "SourcePoints.h"

using namespace clang;

namespace racelint {

std::optional<TextEdit> FixEditor::insert(SourceLocation Loc,
                                          std::string Text) const {
  return replace(Loc, Loc, std::move(Text));
}

std::optional<TextEdit> FixEditor::replace(SourceLocation Begin,
                                           SourceLocation End,
                                           std::string Text) const {
  if (Begin.isInvalid() || Begin.isMacroID() || End.isInvalid() ||
      End.isMacroID() || SM.getFileID(Begin) != SM.getFileID(End))
    return std::nullopt;
  unsigned BeginOffset = SM.getFileOffset(Begin);
  unsigned EndOffset = SM.getFileOffset(End);
  if (EndOffset < BeginOffset)
    return std::nullopt;
  TextEdit Edit;
  Edit.Where = sourcePoint(SM, Begin);
  if (Edit.Where.File.empty())
    return std::nullopt;
  Edit.Offset = BeginOffset;
  Edit.Length = EndOffset - BeginOffset;
  Edit.Text = std::move(Text);
  return Edit;
}

std::optional<TextEdit> FixEditor::include(FileID File,
                                           llvm::StringRef Header) const {
  llvm::StringRef Buffer = SM.getBufferData(File);
  std::string Directive = "#include <" + Header.str() + ">";
  std::optional<size_t> FirstInclude;
  for (size_t Pos = 0; Pos < Buffer.size();) {
    size_t Next = Buffer.find('\n', Pos);
    llvm::StringRef Line = Buffer.slice(Pos, Next).trim();
    if (Line.starts_with("#include")) {
      // Line by line: the directive quoted in a comment does not count.
      if (Line == Directive)
        return TextEdit{};
      if (!FirstInclude)
        FirstInclude = Pos;
    }
    if (Next == llvm::StringRef::npos)
      break;
    Pos = Next + 1;
  }
  return insert(SM.getComposedLoc(File, FirstInclude.value_or(0)),
                Directive + "\n");
}

} // namespace racelint
