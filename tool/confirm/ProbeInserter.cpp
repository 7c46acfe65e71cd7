//===--- ProbeInserter.cpp - Race-window probes in a copy -----------------===//
//
// The probe must run between the read and the write of one update, in the
// same thread, and must not change what the program means: it is a new
// statement, placed after the innermost statement of a compound statement
// that holds the read, and only when that statement does not hold the write
// too (x++ has no room for one). The AST says where statements end; the
// source text is edited as plain bytes, back to front.
//
//===----------------------------------------------------------------------===//

#include "ProbeInserter.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <algorithm>

using namespace clang;
using namespace racelint::confirm;

namespace {

/// A statement of a compound statement, as byte offsets in the main file.
struct StmtSpan {
  const Stmt *S = nullptr;
  unsigned Begin = 0;
  unsigned EndToken = 0; ///< Offset of the statement's last token.
};

/// Collects every direct child of every compound statement in the main file.
class StatementCollector : public RecursiveASTVisitor<StatementCollector> {
public:
  StatementCollector(const SourceManager &SM) : SM(SM) {}

  bool VisitCompoundStmt(CompoundStmt *Block) {
    for (Stmt *Child : Block->body())
      addSpan(Child);
    return true;
  }

  std::vector<StmtSpan> Spans;

private:
  void addSpan(const Stmt *S) {
    CharSourceRange Range = SM.getExpansionRange(S->getSourceRange());
    SourceLocation Begin = Range.getBegin(), End = Range.getEnd();
    if (Begin.isInvalid() || End.isInvalid() || !SM.isInMainFile(Begin) ||
        !SM.isInMainFile(End))
      return;
    Spans.push_back({S, SM.getFileOffset(Begin), SM.getFileOffset(End)});
  }

  const SourceManager &SM;
};

} // namespace

/// The innermost collected statement holding \p Offset.
static const StmtSpan *innermostHolding(const std::vector<StmtSpan> &Spans,
                                        unsigned Offset) {
  const StmtSpan *Best = nullptr;
  for (const StmtSpan &Span : Spans) {
    if (Offset < Span.Begin || Offset > Span.EndToken)
      continue;
    if (!Best || Span.EndToken - Span.Begin < Best->EndToken - Best->Begin)
      Best = &Span;
  }
  return Best;
}

/// A statement after which a new statement would never run.
static bool endsControlFlow(const Stmt *S) {
  return isa<ReturnStmt>(S) || isa<BreakStmt>(S) || isa<ContinueStmt>(S) ||
         isa<GotoStmt>(S) || isa<CXXThrowExpr>(S);
}

/// The offset just past the statement's terminating ';' or '}', or nothing
/// when the text there is not what a statement ends with.
static std::optional<unsigned> offsetAfter(const StmtSpan &Span,
                                           const SourceManager &SM,
                                           const LangOptions &Lang,
                                           llvm::StringRef Code) {
  SourceLocation EndLoc = SM.getComposedLoc(SM.getMainFileID(), Span.EndToken);
  unsigned After = Span.EndToken + Lexer::MeasureTokenLength(EndLoc, SM, Lang);
  char Last = Code[Span.EndToken];
  if (Last == ';' || Last == '}')
    return After;
  // An expression statement's range ends before its ';'.
  while (After < Code.size() && (Code[After] == ' ' || Code[After] == '\t'))
    ++After;
  if (After < Code.size() && Code[After] == ';')
    return After + 1;
  return std::nullopt;
}

static std::optional<unsigned> offsetOf(const SourcePoint &Point,
                                        const SourceManager &SM) {
  if (Point.Line == 0)
    return std::nullopt;
  SourceLocation Loc = SM.translateLineCol(SM.getMainFileID(), Point.Line,
                                           std::max(Point.Column, 1u));
  if (Loc.isInvalid())
    return std::nullopt;
  return SM.getFileOffset(Loc);
}

/// The probe's file argument: the original's path, or its name alone when the
/// path has characters the shim's window list cannot hold.
static std::string probeKeyPath(const std::string &Path) {
  if (llvm::StringRef(Path).find_first_of(", \t\n#\"\\") ==
      llvm::StringRef::npos)
    return Path;
  return llvm::sys::path::filename(Path).str();
}

ProbedSource racelint::confirm::insertProbes(
    const std::string &Path, const std::string &Code,
    const std::vector<std::string> &Flags,
    const std::vector<ProbeRequest> &Requests, const std::string &ResourceDir) {
  ProbedSource Result{Code, {}};
  std::vector<std::string> Args = Flags;
  Args.push_back("-resource-dir=" + ResourceDir);
  Args.push_back("-iquote");
  Args.push_back(llvm::sys::path::parent_path(Path).str());
  Args.push_back("-Wno-everything");
  IgnoringDiagConsumer Quiet;
  std::unique_ptr<ASTUnit> Unit = tooling::buildASTFromCodeWithArgs(
      Code, Args, Path, "racelint-confirm",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(),
      tooling::FileContentMappings(), &Quiet);
  if (!Unit)
    return Result;
  const SourceManager &SM = Unit->getSourceManager();
  StatementCollector Collector(SM);
  Collector.TraverseDecl(Unit->getASTContext().getTranslationUnitDecl());

  // Offset -> probe, so that two findings sharing a read share its probe.
  std::map<unsigned, Probe> Placed;
  for (const ProbeRequest &Request : Requests) {
    // A read or write in another file (a header) is placed in that file's
    // own pass, or not at all.
    std::optional<unsigned> Read, Write;
    if (samePath(Request.After.Path, Path))
      Read = offsetOf(Request.After, SM);
    if (samePath(Request.Write.Path, Path))
      Write = offsetOf(Request.Write, SM);
    if (!Read && !Write)
      continue;
    const StmtSpan *Span =
        Read ? innermostHolding(Collector.Spans, *Read) : nullptr;
    ProbeKind Kind = ProbeKind::Window;
    SourcePoint Key = Request.After;
    bool HoldsWrite =
        Span && Write && *Write >= Span->Begin && *Write <= Span->EndToken;
    if (!Span || HoldsWrite || endsControlFlow(Span->S)) {
      Span = Write ? innermostHolding(Collector.Spans, *Write) : nullptr;
      Kind = ProbeKind::Reach;
      Key = Request.Write;
      if (!Span || endsControlFlow(Span->S))
        continue;
    }
    std::optional<unsigned> At =
        offsetAfter(*Span, SM, Unit->getLangOpts(), Code);
    if (!At || Placed.count(*At))
      continue;
    Key.Path = probeKeyPath(Key.Path);
    Key.Column = 0;
    Probe P{Key, Kind, SM.getLineNumber(SM.getMainFileID(), Span->EndToken)};
    Placed.emplace(*At, P);
  }

  // Back to front, so earlier offsets stay valid.
  for (auto It = Placed.rbegin(); It != Placed.rend(); ++It) {
    const Probe &P = It->second;
    std::string Call = " __racelint_window(\"" + P.Key.Path + "\", " +
                       std::to_string(P.Key.Line) + ");";
    Result.Text.insert(It->first, Call);
  }
  for (auto &[Offset, P] : Placed)
    Result.Probes.push_back(P);
  return Result;
}
