//===--- LockReporter.cpp - racelint's words for lock findings ------------===//
//
// All wording of the lock-discipline rules lives here, in the race rules'
// style: a fact first, names quoted, lower case, no trailing period; a note
// at each related place. Fix-its become text edits at file offsets here,
// while the SourceManager is alive.
//
//===----------------------------------------------------------------------===//
#include "LockFinding.h"
#include "SourcePoints.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <cmath>
#include <cstdio>

using namespace clang;

namespace racelint {

namespace {
class LockReporter {
public:
  explicit LockReporter(ASTContext &Context)
      : Context(Context), SM(Context.getSourceManager()) {}

  std::optional<Report> describe(const LockReleaseFinding &F) const;
  std::optional<Report> describe(const LockOrderFinding &F) const;
  std::optional<Report> describe(const BlockingFinding &F) const;

private:
  SourcePoint point(SourceLocation Loc) const;
  bool inUserCode(SourceLocation Loc) const {
    return Loc.isValid() && !SM.isInSystemHeader(SM.getFileLoc(Loc));
  }
  void addNote(Report &R, SourceLocation Loc, std::string Message) const {
    if (Loc.isValid())
      R.Notes.push_back({point(Loc), std::move(Message)});
  }
  std::string functionName(const FunctionDecl *FD) const;
  void addThreadNote(Report &R, const ThreadSide &Side) const;
  std::string exitNote(const LeakingExit &E, const std::string &Lock,
                       const std::string &Function) const;

  // Fix-its.
  std::optional<TextEdit> replace(CharSourceRange Range,
                                  std::string Text) const;
  std::optional<TextEdit> removeStatement(SourceLocation Begin,
                                          SourceLocation AfterSemi) const;
  std::string text(const Expr *E) const;
  std::optional<Fix> guardFix(const GuardFixPlan &P,
                              const std::string &Lock) const;
  std::optional<Fix> scopedLockFix(const ScopedLockFixPlan &P) const;

  ASTContext &Context;
  const SourceManager &SM;
};
} // namespace

SourcePoint LockReporter::point(SourceLocation Loc) const {
  return sourcePoint(SM, Loc);
}

std::string LockReporter::functionName(const FunctionDecl *FD) const {
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "the lambda";
  return FD ? "'" + FD->getQualifiedNameAsString() + "'" : "the function";
}

void LockReporter::addThreadNote(Report &R, const ThreadSide &Side) const {
  if (Side.StartLoc.isInvalid())
    return;
  std::string Entry = functionName(Side.Entry);
  if (Side.Entry)
    if (const auto *MD = dyn_cast<CXXMethodDecl>(Side.Entry);
        MD && MD->getParent()->isLambda())
      Entry = "the lambda at line " + std::to_string(SM.getPresumedLineNumber(
                                          SM.getFileLoc(MD->getLocation())));
  if (Side.StartedInLoop)
    addNote(R, Side.StartLoc,
            "several threads run " + Entry +
                " at once, started here in a loop");
  else if (Side.SeveralInstances)
    addNote(R, Side.StartLoc,
            "several threads run " + Entry + " at once, started here");
  else
    addNote(R, Side.StartLoc, "a thread running " + Entry + " is started here");
}

//===----------------------------------------------------------------------===//
// lock-not-released
//===----------------------------------------------------------------------===//

std::string LockReporter::exitNote(const LeakingExit &E,
                                   const std::string &Lock,
                                   const std::string &Function) const {
  switch (E.Kind) {
  case ExitKind::Return:
    return Function + " returns here with " + Lock + " held";
  case ExitKind::EndOfFunction:
    return Function + " ends here with " + Lock + " held";
  case ExitKind::Throw:
    return "the exception thrown here leaves " + Function + " with " + Lock +
           " held";
  case ExitKind::ThrowingCall:
    return "if '" + E.Callee + "' throws, the exception leaves " + Function +
           " with " + Lock + " held";
  case ExitKind::Break:
    return "'break' jumps out here with " + Lock + " held";
  case ExitKind::Continue:
    return "'continue' skips the rest of the loop here with " + Lock + " held";
  case ExitKind::Goto:
    return "'goto' jumps out here with " + Lock + " held";
  case ExitKind::LoopBack:
    return "the loop comes back here with " + Lock + " still held";
  }
  llvm_unreachable("unknown exit kind");
}

std::optional<Report>
LockReporter::describe(const LockReleaseFinding &F) const {
  if (!inUserCode(F.Where))
    return std::nullopt;
  Report R;
  R.RuleId = Rule::LockNotReleased;
  R.Level = ruleInfo(R.RuleId).DefaultLevel;
  R.Where = point(F.Where);
  std::string Lock = "'" + F.Lock + "'";
  std::string Function = functionName(F.Function);
  switch (F.Kind) {
  case LockMisuse::NotReleased: {
    bool OnlyLoop = llvm::all_of(F.Exits, [](const LeakingExit &E) {
      return E.Kind == ExitKind::LoopBack;
    });
    R.Message = OnlyLoop ? Lock + " is locked here and the loop comes back "
                                  "to lock it again without unlocking it"
                         : Lock + " is locked here and some path leaves " +
                               Function + " without unlocking it";
    for (const LeakingExit &E : F.Exits)
      addNote(R, E.Loc, exitNote(E, Lock, Function));
    if (F.Fix)
      if (std::optional<Fix> Fixed = guardFix(*F.Fix, F.Lock))
        R.Fixes.push_back(std::move(*Fixed));
    return R;
  }
  case LockMisuse::ReleasedUnheld:
    R.Message = Lock + " is unlocked here, but some path reaches this point "
                       "without holding it";
    addNote(R, F.Earlier,
            F.EarlierIsFailedTry
                ? Lock + " is not taken when this try-lock fails"
                : Lock + " is already unlocked here");
    return R;
  case LockMisuse::Relocked:
    R.Message = Lock + " is locked here while this thread may already hold "
                       "it; a non-recursive lock waits for itself forever";
    addNote(R, F.Earlier, Lock + " is first locked here");
    return R;
  }
  llvm_unreachable("unknown lock misuse");
}

//===----------------------------------------------------------------------===//
// lock-order-inversion
//===----------------------------------------------------------------------===//

std::optional<Report> LockReporter::describe(const LockOrderFinding &F) const {
  if (F.Cycle.empty() || !inUserCode(F.Cycle[0].ToAt))
    return std::nullopt;
  const LockOrderStep &Primary = F.Cycle[0];
  Report R;
  R.RuleId = Rule::LockOrderInversion;
  R.Level = ruleInfo(R.RuleId).DefaultLevel;
  R.Where = point(Primary.ToAt);
  std::string From = "'" + Primary.From + "'";
  std::string To = "'" + Primary.To + "'";
  if (F.Cycle.size() == 2) {
    R.Message = To + " is locked while " + From + " is held, and elsewhere " +
                From + " is locked while " + To +
                " is held; threads taking both orders can deadlock";
  } else {
    std::string Order = From;
    for (const LockOrderStep &S : F.Cycle)
      Order += " -> '" + S.To + "'";
    R.Message = To + " is locked while " + From +
                " is held, closing the lock-order cycle " + Order +
                "; threads taking these orders can deadlock";
  }
  addNote(R, Primary.FromAt, From + " is locked here");
  addThreadNote(R, Primary.Thread);
  llvm::SmallVector<SourceLocation, 4> Threads{Primary.Thread.StartLoc};
  for (const LockOrderStep &S : llvm::drop_begin(F.Cycle)) {
    addNote(R, S.FromAt, "'" + S.From + "' is locked here");
    addNote(R, S.ToAt,
            "then '" + S.To + "' is locked here while '" + S.From +
                "' is held");
    if (!llvm::is_contained(Threads, S.Thread.StartLoc)) {
      addThreadNote(R, S.Thread);
      Threads.push_back(S.Thread.StartLoc);
    }
  }
  if (F.Fix)
    if (std::optional<Fix> Fixed = scopedLockFix(*F.Fix))
      R.Fixes.push_back(std::move(*Fixed));
  return R;
}

//===----------------------------------------------------------------------===//
// lock-held-across-blocking-call
//===----------------------------------------------------------------------===//

/// "100 ms", "2 s", "1.5 s".
static std::string duration(double Seconds) {
  char Buffer[32];
  if (Seconds < 1)
    std::snprintf(Buffer, sizeof Buffer, "%g ms", Seconds * 1000);
  else
    std::snprintf(Buffer, sizeof Buffer, "%g s", Seconds);
  return Buffer;
}

std::optional<Report> LockReporter::describe(const BlockingFinding &F) const {
  if (!inUserCode(F.Where))
    return std::nullopt;
  Report R;
  R.RuleId = Rule::LockHeldAcrossBlockingCall;
  R.Level = ruleInfo(R.RuleId).DefaultLevel;
  R.Where = point(F.Where);
  std::string Lock = "'" + F.Lock + "'";
  std::string Who = F.Threads ? std::to_string(*F.Threads) + " threads"
                              : "the threads that lock " + Lock;
  std::string Turns;
  switch (F.Kind) {
  case BlockingKind::Sleep:
    Turns = "take turns sleeping";
    if (F.Seconds) {
      Turns += " " + duration(*F.Seconds);
      if (F.Threads)
        Turns += ", ~" + duration(*F.Seconds * double(*F.Threads)) + " serial";
    }
    break;
  case BlockingKind::IO:
    Turns = "take turns waiting for I/O";
    break;
  case BlockingKind::Join:
    Turns = "take turns waiting for another thread";
    break;
  }
  R.Message = Lock + " is held across '" + F.Callee + "': " + Who + " " +
              Turns + "; move the call out of the critical section, or " +
              "replace the update with an atomic";
  addNote(R, F.LockedAt, Lock + " is locked here");
  addThreadNote(R, F.Thread);
  return R;
}

//===----------------------------------------------------------------------===//
// Fix-its
//===----------------------------------------------------------------------===//

std::optional<TextEdit> LockReporter::replace(CharSourceRange Range,
                                              std::string Text) const {
  CharSourceRange Chars =
      Lexer::makeFileCharRange(Range, SM, Context.getLangOpts());
  if (Chars.isInvalid())
    return std::nullopt;
  auto [File, Begin] = SM.getDecomposedLoc(Chars.getBegin());
  auto [EndFile, End] = SM.getDecomposedLoc(Chars.getEnd());
  if (File != EndFile || End < Begin)
    return std::nullopt;
  TextEdit Edit;
  Edit.Where = point(Chars.getBegin());
  Edit.Offset = Begin;
  Edit.Length = End - Begin;
  Edit.Text = std::move(Text);
  return Edit;
}

/// Removes [Begin, AfterSemi), and the whole line when nothing else is on it.
std::optional<TextEdit>
LockReporter::removeStatement(SourceLocation Begin,
                              SourceLocation AfterSemi) const {
  if (Begin.isMacroID() || AfterSemi.isMacroID())
    return std::nullopt;
  auto [File, From] = SM.getDecomposedLoc(Begin);
  auto [EndFile, To] = SM.getDecomposedLoc(AfterSemi);
  if (File != EndFile || To < From)
    return std::nullopt;
  StringRef Buffer = SM.getBufferData(File);
  unsigned LineStart = From;
  while (LineStart > 0 &&
         (Buffer[LineStart - 1] == ' ' || Buffer[LineStart - 1] == '\t'))
    --LineStart;
  unsigned LineEnd = To;
  while (LineEnd < Buffer.size() &&
         (Buffer[LineEnd] == ' ' || Buffer[LineEnd] == '\t'))
    ++LineEnd;
  bool WholeLine = (LineStart == 0 || Buffer[LineStart - 1] == '\n') &&
                   LineEnd < Buffer.size() && Buffer[LineEnd] == '\n';
  if (WholeLine) {
    From = LineStart;
    To = LineEnd + 1;
  }
  TextEdit Edit;
  Edit.Where = point(SM.getComposedLoc(File, From));
  Edit.Offset = From;
  Edit.Length = To - From;
  return Edit;
}

std::string LockReporter::text(const Expr *E) const {
  return Lexer::getSourceText(
             CharSourceRange::getTokenRange(E->getSourceRange()), SM,
             Context.getLangOpts())
      .str();
}

std::optional<Fix> LockReporter::guardFix(const GuardFixPlan &P,
                                          const std::string &Lock) const {
  const LangOptions &LO = Context.getLangOpts();
  std::string Object = text(P.LockCall->getImplicitObjectArgument());
  if (Object.empty())
    return std::nullopt;
  std::string Guard = P.UniqueLock ? "std::unique_lock" : "std::lock_guard";
  Fix F;
  F.Description = "hold '" + Lock + "' with a " + Guard +
                  ", which releases it on every path out of the scope";
  auto Taken = replace(
      CharSourceRange::getTokenRange(P.LockCall->getSourceRange()),
      Guard + "<" + P.MutexType + "> " + P.GuardName + "(" + Object + ")");
  if (!Taken)
    return std::nullopt;
  F.Edits.push_back(std::move(*Taken));
  for (const CXXMemberCallExpr *Unlock : P.Unlocks) {
    std::optional<TextEdit> Edit;
    if (P.UniqueLock) {
      Edit = replace(CharSourceRange::getTokenRange(Unlock->getSourceRange()),
                     P.GuardName + ".unlock()");
    } else {
      SourceLocation AfterSemi = Lexer::findLocationAfterToken(
          Unlock->getEndLoc(), tok::semi, SM, LO,
          /*SkipTrailingWhitespaceAndNewLine=*/false);
      if (AfterSemi.isValid())
        Edit = removeStatement(Unlock->getBeginLoc(), AfterSemi);
    }
    if (!Edit)
      return std::nullopt;
    F.Edits.push_back(std::move(*Edit));
  }
  return F;
}

std::optional<Fix>
LockReporter::scopedLockFix(const ScopedLockFixPlan &P) const {
  const LangOptions &LO = Context.getLangOpts();
  std::string First = text(P.FirstMutex);
  std::string Second = text(P.SecondMutex);
  if (First.empty() || Second.empty())
    return std::nullopt;
  Fix F;
  F.Description = "take both locks at once with std::scoped_lock, which "
                  "cannot deadlock on their order";
  auto Both = replace(CharSourceRange::getTokenRange(P.First->getSourceRange()),
                      "std::scoped_lock " + P.GuardName + "(" + First + ", " +
                          Second + ");");
  SourceLocation AfterSemi =
      Lexer::getLocForEndOfToken(P.Second->getEndLoc(), 0, SM, LO);
  std::optional<TextEdit> Drop;
  if (AfterSemi.isValid())
    Drop = removeStatement(P.Second->getBeginLoc(), AfterSemi);
  if (!Both || !Drop)
    return std::nullopt;
  F.Edits.push_back(std::move(*Both));
  F.Edits.push_back(std::move(*Drop));
  return F;
}

std::vector<Report>
describeLockFindings(const std::vector<LockReleaseFinding> &Release,
                     const std::vector<LockOrderFinding> &Order,
                     const std::vector<BlockingFinding> &Blocking,
                     ASTContext &Context) {
  LockReporter Reporter(Context);
  std::vector<Report> Reports;
  for (const LockReleaseFinding &F : Release)
    if (std::optional<Report> R = Reporter.describe(F))
      Reports.push_back(std::move(*R));
  for (const LockOrderFinding &F : Order)
    if (std::optional<Report> R = Reporter.describe(F))
      Reports.push_back(std::move(*R));
  for (const BlockingFinding &F : Blocking)
    if (std::optional<Report> R = Reporter.describe(F))
      Reports.push_back(std::move(*R));
  return Reports;
}

} // namespace racelint
