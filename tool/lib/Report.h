//===--- Report.h - A finding as plain data, and its printers ---*- C++ -*-===//
//
// The analysis works on Clang's AST; what leaves a translation unit is plain
// data (file names, lines, columns, text), so findings from many TUs can be
// merged, de-duplicated, sorted and printed after their ASTs are gone.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_REPORT_H
#define RACELINT_REPORT_H

#include "RuleCatalog.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace racelint {

/// A position in a source file; lines and columns count from 1.
struct SourcePoint {
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;

  bool operator<(const SourcePoint &O) const;
  bool operator==(const SourcePoint &O) const;
};

/// One replacement of a fix: Length bytes at Offset become Text.
struct TextEdit {
  SourcePoint Where;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

struct Fix {
  std::string Description;
  std::vector<TextEdit> Edits;
  /// The atomic alternative to a locked fix; --prefer-atomic-fix takes it.
  bool MakesAtomic = false;
};

struct Note {
  SourcePoint Where;
  std::string Message;
  /// This note marks where a thread involved in the finding starts; SARIF
  /// output gives each such thread a code flow of its own.
  bool ThreadStart = false;
  /// The thread whose steps the note is one of (0: the one at the primary
  /// location, 1: the other one), for those code flows.
  std::optional<unsigned> Thread;
};

struct Report {
  Rule RuleId;
  Severity Level = Severity::Warning;
  SourcePoint Where;
  std::string Message;
  std::vector<Note> Notes;
  std::vector<Fix> Fixes;
};

/// Sorts by primary location then rule and drops exact repeats (a header
/// analysed in several TUs yields the same report each time).
void sortAndDeduplicate(std::vector<Report> &Reports);

/// "note", "warning" or "error", as Clang and SARIF spell the levels.
llvm::StringRef severityName(Severity S);

struct TextStyle {
  bool Color = false;
};

/// Prints \p Reports the way Clang prints diagnostics: the location, the
/// severity, the message with its [rule], the source line with a caret, then
/// each note the same way and the fix-its.
void printText(llvm::raw_ostream &OS, const std::vector<Report> &Reports,
               TextStyle Style);

/// Prints one diagnostic that is not a Report (an unused suppression) in the
/// same style: the location, the level, the message, the source line.
void printTextDiagnostic(llvm::raw_ostream &OS, const SourcePoint &Where,
                         Severity Level, const std::string &Message,
                         TextStyle Style);

} // namespace racelint

#endif
