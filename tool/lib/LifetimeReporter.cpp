//===--- LifetimeReporter.cpp - racelint's words for thread lifetimes -----===//
//
// All wording of daemon-thread and joinable-thread-destroyed lives here, in
// the race rules' style: a fact first, names quoted, lower case, no trailing
// period; a note at each related place; the std::jthread fix where the
// analysis found it compiles.
//
//===----------------------------------------------------------------------===//
#include "SourcePoints.h"
#include "ThreadLifetimes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace racelint {

namespace {
class LifetimeReporter {
public:
  explicit LifetimeReporter(ASTContext &Context)
      : SM(Context.getSourceManager()) {}

  std::optional<Report> describe(const DaemonFinding &F) const;
  std::optional<Report> describe(const JoinableFinding &F) const;

private:
  SourcePoint point(SourceLocation Loc) const;
  unsigned line(SourceLocation Loc) const {
    return SM.getPresumedLineNumber(SM.getFileLoc(Loc));
  }
  bool isUserCode(SourceLocation Loc) const {
    return Loc.isValid() && !SM.isInSystemHeader(SM.getFileLoc(Loc));
  }
  std::string entryName(const FunctionDecl *FD) const;
  void addNote(Report &R, SourceLocation Loc, std::string Message) const {
    if (Loc.isValid())
      R.Notes.push_back({point(Loc), std::move(Message)});
  }
  void addRiskNote(Report &R, const RiskItem &Item,
                   const DaemonFinding &F) const;
  void addExitNote(Report &R, const LostAt &Exit, const std::string &Handle,
                   JoinableKind Kind) const;
  void addJThreadFix(Report &R, SourceLocation Loc) const;

  const SourceManager &SM;
};
} // namespace

SourcePoint LifetimeReporter::point(SourceLocation Loc) const {
  return sourcePoint(SM, Loc);
}

std::string LifetimeReporter::entryName(const FunctionDecl *FD) const {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "the lambda at line " + std::to_string(line(MD->getLocation()));
  return "'" + FD->getQualifiedNameAsString() + "'";
}

/// Printed text as it reads in the source, without its final newline.
static std::string quoteOutput(StringRef Text) {
  if (Text.ends_with("\n"))
    Text = Text.drop_back();
  std::string Quoted = "\"";
  for (char C : Text) {
    if (C == '\n')
      Quoted += "\\n";
    else if (C == '"')
      Quoted += "\\\"";
    else if (C == '\t')
      Quoted += "\\t";
    else
      Quoted += C;
  }
  return Quoted + "\"";
}

static std::string endName(const DaemonFinding &F) {
  switch (F.End) {
  case ProgramEndKind::MainReturns:
  case ProgramEndKind::MainEnds:
    return "'main' returns";
  case ProgramEndKind::ExitCall:
    return "'" + F.ExitName + "' is called";
  }
  llvm_unreachable("unknown program end");
}

void LifetimeReporter::addRiskNote(Report &R, const RiskItem &Item,
                                   const DaemonFinding &F) const {
  switch (Item.Kind) {
  case RiskKind::Output:
    addNote(R, Item.Loc,
            Item.Name.empty()
                ? "the thread may never print this output"
                : "the thread may never print " + quoteOutput(Item.Name));
    return;
  case RiskKind::GlobalWrite:
    addNote(R, Item.Loc,
            "the thread's write to '" + Item.Name + "' may be lost");
    return;
  case RiskKind::StaticObject:
    addNote(R, Item.Loc,
            "'" + Item.Name + "' (" + Item.Detail +
                ") is destroyed at exit while the thread may still use it");
    return;
  case RiskKind::StarterLocal:
    addNote(R, Item.Loc,
            "'" + Item.Name + "' is a local of '" + Item.Detail +
                "', gone when it returns, while the thread may still use it");
    return;
  }
  llvm_unreachable("unknown risk kind");
}

std::optional<Report> LifetimeReporter::describe(const DaemonFinding &F) const {
  if (!isUserCode(F.DetachLoc))
    return std::nullopt;
  Report R;
  R.RuleId = Rule::DaemonThread;
  R.Level = ruleInfo(Rule::DaemonThread).DefaultLevel;
  R.Where = point(F.DetachLoc);
  R.Message =
      "the thread running " + entryName(F.Entry) + " is " +
      (F.ByAttribute ? "created detached" : "detached") +
      " and may still be running when " + endName(F) + "; " +
      (F.PartialWaitLoc.isValid()
           ? "the wait at line " + std::to_string(line(F.PartialWaitLoc)) +
                 " does not wait for it to finish"
           : std::string("nothing waits for it to finish"));
  if (F.ByAttribute)
    addNote(R, F.AttributeSetLoc,
            "'" + F.AttributeName + "' is set to PTHREAD_CREATE_DETACHED here");
  addNote(R, F.Entry->getLocation(),
          F.Endless ? "the detached thread runs " + entryName(F.Entry) +
                          ", which never returns"
                    : "the detached thread runs " + entryName(F.Entry));
  if (F.PartialWaitLoc.isValid())
    addNote(R, F.PartialWaitLoc,
            "this waits only until the thread signals at line " +
                std::to_string(line(F.SignalLoc)) + ", not until it finishes");
  if (F.SleepLoc.isValid())
    addNote(R, F.SleepLoc,
            "a sleep is not a join: nothing makes the thread finish first");
  switch (F.End) {
  case ProgramEndKind::MainReturns:
    addNote(R, F.EndLoc, "'main' returns here while the thread may still run");
    break;
  case ProgramEndKind::MainEnds:
    addNote(R, F.EndLoc, "'main' ends here while the thread may still run");
    break;
  case ProgramEndKind::ExitCall:
    addNote(R, F.EndLoc,
            "'" + F.ExitName +
                "' ends the program here while the thread may still run");
    break;
  }
  // The first few losses name the problem; a long list buries it.
  constexpr size_t MaxRiskNotes = 6;
  for (size_t I = 0; I < F.AtRisk.size() && I < MaxRiskNotes; ++I)
    addRiskNote(R, F.AtRisk[I], F);
  return R;
}

void LifetimeReporter::addExitNote(Report &R, const LostAt &Exit,
                                   const std::string &Handle,
                                   JoinableKind Kind) const {
  std::string Name = "'" + Handle + "'";
  std::string Still = Kind == JoinableKind::Container
                          ? Name + " still holds joinable threads"
                          : Name + " is still joinable";
  switch (Exit.Kind) {
  case ExitKind::Return:
    addNote(R, Exit.Loc, Still + " when the function returns here");
    return;
  case ExitKind::Break:
    addNote(R, Exit.Loc, Still + " when 'break' leaves its scope here");
    return;
  case ExitKind::Continue:
    addNote(R, Exit.Loc, Still + " when 'continue' leaves its scope here");
    return;
  case ExitKind::Goto:
    addNote(R, Exit.Loc, Still + " when 'goto' leaves its scope here");
    return;
  case ExitKind::ScopeEnd:
    addNote(R, Exit.Loc, Still + " at the end of its scope here");
    return;
  case ExitKind::Throw:
    addNote(R, Exit.Loc,
            "the exception thrown here destroys " + Name +
                " while it is still joinable");
    return;
  case ExitKind::Call:
    if (Kind == JoinableKind::Assigned) {
      addNote(R, Exit.Loc, Name + " is assigned here");
      return;
    }
    addNote(R, Exit.Loc,
            "if '" + Exit.Callee + "' throws here, " + Name +
                " is destroyed while still joinable");
    return;
  }
  llvm_unreachable("unknown exit kind");
}

void LifetimeReporter::addJThreadFix(Report &R, SourceLocation Loc) const {
  if (Loc.isInvalid())
    return;
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  TextEdit Edit;
  Edit.Where = point(FileLoc);
  Edit.Offset = SM.getFileOffset(FileLoc);
  Edit.Length = 6; // "thread"
  Edit.Text = "jthread";
  R.Fixes.push_back(
      {"use std::jthread, which joins in its destructor", {std::move(Edit)}});
}

std::optional<Report>
LifetimeReporter::describe(const JoinableFinding &F) const {
  if (!isUserCode(F.StartLoc))
    return std::nullopt;
  Report R;
  R.RuleId = Rule::JoinableThreadDestroyed;
  R.Level = ruleInfo(Rule::JoinableThreadDestroyed).DefaultLevel;
  R.Where = point(F.StartLoc);
  std::string Name = "'" + F.Handle + "'";
  switch (F.Kind) {
  case JoinableKind::Local:
    R.Message = "the thread started in " + Name +
                " may be destroyed while still joinable, which calls "
                "std::terminate";
    break;
  case JoinableKind::Assigned:
    R.Message = "the thread started in " + Name +
                " may still be joinable when " + Name +
                " is assigned another thread, which calls std::terminate";
    break;
  case JoinableKind::Container:
    R.Message = "threads added to " + Name +
                " may be destroyed while still joinable, which calls "
                "std::terminate";
    break;
  case JoinableKind::Temporary:
    R.Message = "this temporary std::thread is destroyed at the end of its "
                "statement while still joinable, which calls std::terminate";
    break;
  case JoinableKind::Member: {
    const auto *Dtor = dyn_cast<CXXDestructorDecl>(F.Owner);
    const CXXRecordDecl *Record =
        Dtor ? Dtor->getParent() : cast<CXXRecordDecl>(F.Owner);
    std::string Class = "'" + Record->getNameAsString() + "'";
    R.Message = "the thread started in member " + Name +
                " may still be joinable when " + Class +
                " is destroyed, which calls std::terminate";
    if (Dtor)
      addNote(R, F.Exits.empty() ? Dtor->getLocation() : F.Exits.front().Loc,
              "'" + Dtor->getNameAsString() + "' ends here without joining " +
                  Name);
    else
      addNote(R, F.Owner->getLocation(),
              Class + " has no destructor that joins " + Name);
    addJThreadFix(R, F.JThreadFixLoc);
    return R;
  }
  case JoinableKind::PthreadLeak:
    R.Message = "the thread created into " + Name +
                " is never joined nor detached; its resources leak";
    for (const LostAt &Exit : F.Exits)
      addNote(R, Exit.Loc,
              "'" + F.Function->getNameAsString() +
                  "' ends here without joining or detaching it");
    return R;
  }
  std::vector<LostAt> Exits = F.Exits;
  llvm::sort(Exits, [&](const LostAt &A, const LostAt &B) {
    return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
  });
  // The first few exits show the path; every other one is like them.
  constexpr size_t MaxExitNotes = 3;
  if (F.Kind != JoinableKind::Temporary)
    for (size_t I = 0; I < Exits.size() && I < MaxExitNotes; ++I)
      addExitNote(R, Exits[I], F.Handle, F.Kind);
  addJThreadFix(R, F.JThreadFixLoc);
  return R;
}

std::vector<Report> checkThreadLifetimes(const ProgramModel &Model) {
  LifetimeReporter Reporter(Model.Context);
  std::vector<Report> Reports;
  for (const DaemonFinding &F : findDaemonThreads(Model))
    if (std::optional<Report> R = Reporter.describe(F))
      Reports.push_back(std::move(*R));
  for (const JoinableFinding &F : findJoinableThreads(Model))
    if (std::optional<Report> R = Reporter.describe(F))
      Reports.push_back(std::move(*R));
  return Reports;
}

} // namespace racelint
