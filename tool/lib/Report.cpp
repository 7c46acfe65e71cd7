//===--- Report.cpp - A finding as plain data, and its printers -----------===//
//
// The text printer re-reads source lines from disk (SourceLines) so it can
// run after the TU's SourceManager is gone.
//
//===----------------------------------------------------------------------===//
#include "Report.h"

#include "SourceLines.h"

#include "llvm/Support/WithColor.h"

#include <algorithm>
#include <tuple>

namespace racelint {

bool SourcePoint::operator<(const SourcePoint &O) const {
  return std::tie(File, Line, Column) < std::tie(O.File, O.Line, O.Column);
}

bool SourcePoint::operator==(const SourcePoint &O) const {
  return std::tie(File, Line, Column) == std::tie(O.File, O.Line, O.Column);
}

static bool sameReport(const Report &A, const Report &B) {
  return A.RuleId == B.RuleId && A.Where == B.Where && A.Message == B.Message;
}

void sortAndDeduplicate(std::vector<Report> &Reports) {
  std::stable_sort(Reports.begin(), Reports.end(),
                   [](const Report &A, const Report &B) {
                     if (!(A.Where == B.Where))
                       return A.Where < B.Where;
                     if (A.RuleId != B.RuleId)
                       return A.RuleId < B.RuleId;
                     return A.Message < B.Message;
                   });
  Reports.erase(std::unique(Reports.begin(), Reports.end(), sameReport),
                Reports.end());
}

llvm::StringRef severityName(Severity S) {
  switch (S) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  llvm_unreachable("unknown severity");
}

static llvm::raw_ostream::Colors severityColor(Severity S) {
  switch (S) {
  case Severity::Note:
    return llvm::raw_ostream::BLACK;
  case Severity::Warning:
    return llvm::raw_ostream::MAGENTA;
  case Severity::Error:
    return llvm::raw_ostream::RED;
  }
  llvm_unreachable("unknown severity");
}

namespace {
class TextPrinter {
public:
  TextPrinter(llvm::raw_ostream &OS, TextStyle Style) : OS(OS), Style(Style) {}

  void printDiagnostic(const SourcePoint &Where, Severity Level,
                       const std::string &Message) {
    printMessage(Where, Level, Message);
  }

  void print(const Report &R) {
    printMessage(R.Where, R.Level,
                 R.Message + " [" + ruleInfo(R.RuleId).Name.str() + "]");
    for (const Fix &F : R.Fixes)
      printFixIt(F, /*Alternative=*/&F != &R.Fixes.front());
    for (const Note &N : R.Notes)
      printMessage(N.Where, Severity::Note, N.Message);
  }

private:
  void printMessage(const SourcePoint &Where, Severity Level,
                    const std::string &Message) {
    setColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << Where.File << ':' << Where.Line << ':' << Where.Column << ": ";
    setColor(severityColor(Level), /*Bold=*/true);
    OS << severityName(Level) << ": ";
    setColor(llvm::raw_ostream::SAVEDCOLOR, /*Bold=*/true);
    OS << Message;
    resetColor();
    OS << '\n';
    printSnippet(Where);
  }

  void printSnippet(const SourcePoint &Where) {
    llvm::StringRef Line = Lines.line(Where.File, Where.Line);
    if (Line.empty())
      return;
    OS << Line << '\n';
    std::string Caret;
    for (unsigned I = 1; I < Where.Column && I <= Line.size(); ++I)
      Caret += Line[I - 1] == '\t' ? '\t' : ' ';
    OS << Caret;
    setColor(llvm::raw_ostream::GREEN, /*Bold=*/true);
    OS << '^';
    resetColor();
    OS << '\n';
  }

  // Clang prints a fix-it's inserted text under the line; racelint's fixes
  // span several lines, so they are listed as numbered edits instead.
  void printFixIt(const Fix &F, bool Alternative) {
    OS << (Alternative ? "  fix-it (alternative): " : "  fix-it: ")
       << F.Description << '\n';
    for (const TextEdit &E : F.Edits) {
      OS << "    " << E.Where.File << ':' << E.Where.Line << ':'
         << E.Where.Column << ": ";
      if (E.Length == 0)
        OS << "insert \"";
      else
        OS << "replace " << E.Length << " byte(s) with \"";
      OS.write_escaped(E.Text) << "\"\n";
    }
  }

  void setColor(llvm::raw_ostream::Colors C, bool Bold) {
    if (Style.Color)
      OS.changeColor(C, Bold);
  }
  void resetColor() {
    if (Style.Color)
      OS.resetColor();
  }

  llvm::raw_ostream &OS;
  TextStyle Style;
  SourceLines Lines;
};
} // namespace

void printText(llvm::raw_ostream &OS, const std::vector<Report> &Reports,
               TextStyle Style) {
  TextPrinter Printer(OS, Style);
  for (const Report &R : Reports)
    Printer.print(R);
  if (!Reports.empty())
    OS << Reports.size() << (Reports.size() == 1 ? " finding" : " findings")
       << " reported.\n";
}

void printTextDiagnostic(llvm::raw_ostream &OS, const SourcePoint &Where,
                         Severity Level, const std::string &Message,
                         TextStyle Style) {
  TextPrinter(OS, Style).printDiagnostic(Where, Level, Message);
}

} // namespace racelint
