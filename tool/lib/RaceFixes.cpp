//===--- RaceFixes.cpp - The locked fix for a lost update -----------------===//
//
// The critical section is a run of sibling statements of one block, from
// the statement that reads to the statement that writes. C++ gets a
// std::unique_lock before the run and an unlock() after it (the lock's
// destructor still releases it on an early exit); C gets
// pthread_mutex_lock/unlock, and no fix when the run can leave early.
//
//===----------------------------------------------------------------------===//
#include "RaceFixes.h"

#include "FixEdits.h"
#include "LockModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <map>

using namespace clang;

namespace racelint {

namespace {

/// What a run of statements contains that a fix must not wrap.
class RegionScanner : public RecursiveASTVisitor<RegionScanner> {
public:
  RegionScanner(const ProgramModel &Model) : Model(Model) {}

  bool VisitCallExpr(CallExpr *Call) {
    if (classifyLockCall(Call))
      Unsafe = true;
    // A user function might take the same lock: not provably safe.
    if (isAnalysable(Call->getDirectCallee(), Model.Context))
      Unsafe = true;
    if (!Call->getDirectCallee() && !isa<CXXOperatorCallExpr>(Call))
      Unsafe = true;
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    if (isGuardType(Construct->getType()))
      Unsafe = true;
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *) {
    Unsafe = true;
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *) {
    LeavesEarly = true;
    return true;
  }
  bool VisitBreakStmt(BreakStmt *) {
    LeavesEarly = true;
    return true;
  }
  bool VisitContinueStmt(ContinueStmt *) {
    LeavesEarly = true;
    return true;
  }
  bool VisitGotoStmt(GotoStmt *) {
    LeavesEarly = true;
    return true;
  }
  bool VisitCXXThrowExpr(CXXThrowExpr *) {
    LeavesEarly = true;
    return true;
  }

  bool Unsafe = false;
  bool LeavesEarly = false;

private:
  const ProgramModel &Model;
};

class LockFixPlanner {
public:
  LockFixPlanner(const RaceFinding &Finding, const ResolvedAccess &Write,
                 const ProgramModel &Model)
      : Finding(Finding), Write(Write), Model(Model), Context(Model.Context),
        SM(Context.getSourceManager()), LangOpts(Context.getLangOpts()),
        Editor(SM) {}

  std::optional<Fix> plan();

private:
  const VarDecl *sharedGlobal() const;
  const CompoundStmt *enclosingBlock(const Stmt *S, const Stmt *&Child) const;
  const Stmt *statementContaining(const CompoundStmt *Block,
                                  SourceLocation Loc) const;
  const VarDecl *existingMutex(const VarDecl *Variable,
                               SourceLocation UsedAt) const;
  std::string freshName(llvm::StringRef Base) const;
  SourceLocation afterStatement(const Stmt *S) const;
  std::string indentationOf(SourceLocation Loc) const;

  const RaceFinding &Finding;
  const ResolvedAccess &Write;
  const ProgramModel &Model;
  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  FixEditor Editor;
};

} // namespace

const VarDecl *LockFixPlanner::sharedGlobal() const {
  const AccessPath &P = Write.Path;
  if (P.rootKind() != RootKind::Global || !P.steps().empty())
    return nullptr;
  const auto *Var =
      dyn_cast<VarDecl>(static_cast<const ValueDecl *>(P.rootDecl()));
  if (!Var || !Var->getDeclContext()->isFileContext() ||
      !Var->getType()->isScalarType())
    return nullptr;
  return Var;
}

const CompoundStmt *LockFixPlanner::enclosingBlock(const Stmt *S,
                                                   const Stmt *&Child) const {
  DynTypedNode Node = DynTypedNode::create(*S);
  // Statements nest shallowly; the bound keeps a pathological AST cheap.
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.size() != 1)
      return nullptr;
    const Stmt *Current = Node.get<Stmt>();
    if (const auto *Block = Parents[0].get<CompoundStmt>()) {
      Child = Current;
      return Block;
    }
    // An initializer's parent is its variable, whose parent is the DeclStmt.
    if (!Parents[0].get<Stmt>() && !Parents[0].get<VarDecl>())
      return nullptr;
    Node = Parents[0];
  }
  return nullptr;
}

const Stmt *LockFixPlanner::statementContaining(const CompoundStmt *Block,
                                                SourceLocation Loc) const {
  Loc = SM.getFileLoc(Loc);
  for (const Stmt *Child : Block->body()) {
    SourceRange Range = Child->getSourceRange();
    if (SM.isPointWithin(Loc, SM.getFileLoc(Range.getBegin()),
                         SM.getFileLoc(Range.getEnd())))
      return Child;
  }
  return nullptr;
}

/// A file-scope mutex that other accesses of the variable hold, declared
/// before the fix's use of it.
const VarDecl *LockFixPlanner::existingMutex(const VarDecl *Variable,
                                             SourceLocation UsedAt) const {
  std::map<const VarDecl *, unsigned> Votes;
  for (const ResolvedAccess &A : Model.Threads.accesses()) {
    if (A.Path != Write.Path)
      continue;
    for (const HeldLock &H : A.Locks.locks()) {
      if (H.Shared || H.Lock.rootKind() != RootKind::Global ||
          !H.Lock.steps().empty())
        continue;
      const auto *Mutex =
          dyn_cast<VarDecl>(static_cast<const ValueDecl *>(H.Lock.rootDecl()));
      if (Mutex && Mutex->getDeclContext()->isFileContext() &&
          SM.isBeforeInTranslationUnit(Mutex->getLocation(), UsedAt))
        ++Votes[Mutex];
    }
  }
  const VarDecl *Best = nullptr;
  unsigned BestVotes = 0;
  for (const auto &[Mutex, Count] : Votes)
    if (Count > BestVotes) {
      Best = Mutex;
      BestVotes = Count;
    }
  return Best;
}

std::string LockFixPlanner::freshName(llvm::StringRef Base) const {
  std::string Name = Base.str();
  for (unsigned Suffix = 2;; ++Suffix) {
    if (Context.getTranslationUnitDecl()
            ->lookup(&Context.Idents.get(Name))
            .empty())
      return Name;
    Name = Base.str() + std::to_string(Suffix);
  }
}

SourceLocation LockFixPlanner::afterStatement(const Stmt *S) const {
  SourceLocation End = S->getEndLoc();
  if (isa<Expr>(S) || isa<ReturnStmt>(S))
    return Lexer::findLocationAfterToken(End, tok::semi, SM, LangOpts,
                                         /*SkipTrailingWhitespace=*/false);
  return Lexer::getLocForEndOfToken(End, 0, SM, LangOpts);
}

std::string LockFixPlanner::indentationOf(SourceLocation Loc) const {
  std::pair<FileID, unsigned> Decomposed = SM.getDecomposedLoc(Loc);
  llvm::StringRef Buffer = SM.getBufferData(Decomposed.first);
  llvm::StringRef Before = Buffer.substr(0, Decomposed.second);
  llvm::StringRef Line = Before.substr(Before.rfind('\n') + 1);
  return Line.substr(0, Line.find_first_not_of(" \t")).str();
}

std::optional<Fix> LockFixPlanner::plan() {
  if (Finding.RuleId != Rule::UnsynchronizedRMW || !Finding.Form ||
      *Finding.Form == UpdateForm::AtomicSplit || !Write.Update ||
      !Write.Locks.empty() || !Write.Update->ReadLocks.empty() ||
      !Finding.WriteExpr)
    return std::nullopt;
  const VarDecl *Variable = sharedGlobal();
  if (!Variable || SM.isInSystemHeader(Variable->getLocation()))
    return std::nullopt;

  const Stmt *Last = nullptr;
  const CompoundStmt *Block = enclosingBlock(Finding.WriteExpr, Last);
  if (!Block)
    return std::nullopt;
  const Stmt *First = Last;
  if (*Finding.Form == UpdateForm::Recomputed) {
    First = statementContaining(Block, Finding.ReadLoc);
    if (!First)
      return std::nullopt;
  }
  // The run of statements from the read to the write.
  RegionScanner Scanner(Model);
  bool InRegion = false, Ordered = false;
  for (const Stmt *Child : Block->body()) {
    InRegion |= Child == First;
    if (InRegion)
      Scanner.TraverseStmt(const_cast<Stmt *>(Child));
    if (Child == Last) {
      Ordered = InRegion;
      break;
    }
  }
  bool IsC = !LangOpts.CPlusPlus;
  if (!Ordered || Scanner.Unsafe || (IsC && Scanner.LeavesEarly))
    return std::nullopt;

  SourceLocation Begin = First->getBeginLoc();
  SourceLocation End = afterStatement(Last);
  if (Begin.isMacroID() || End.isInvalid() || End.isMacroID() ||
      SM.getFileID(Begin) != SM.getFileID(Variable->getLocation()))
    return std::nullopt;

  std::string Var = Variable->getNameAsString();
  const VarDecl *Existing = existingMutex(Variable, Begin);
  std::string Mutex =
      Existing ? Existing->getNameAsString() : freshName(Var + "_mutex");
  std::string Indent = indentationOf(Begin);

  Fix F;
  std::vector<std::optional<TextEdit>> Edits;
  if (!Existing) {
    SourceLocation AfterDecl = Lexer::findLocationAfterToken(
        Variable->getEndLoc(), tok::semi, SM, LangOpts,
        /*SkipTrailingWhitespace=*/false);
    std::string Declaration = IsC ? "\nstatic pthread_mutex_t " + Mutex +
                                        " = PTHREAD_MUTEX_INITIALIZER;"
                                  : "\nstd::mutex " + Mutex + ";";
    Edits.push_back(Editor.include(SM.getFileID(Variable->getLocation()),
                                   IsC ? "pthread.h" : "mutex"));
    Edits.push_back(Editor.insert(AfterDecl, Declaration));
    F.Description = "declare '" + Mutex + "' beside '" + Var +
                    "' and lock it over the read and the write";
  } else {
    F.Description =
        "lock '" + Mutex + "' over the read and the write of '" + Var + "'";
  }
  std::string Guard = Var + "_lock";
  if (IsC) {
    Edits.push_back(
        Editor.insert(Begin, "pthread_mutex_lock(&" + Mutex + ");\n" + Indent));
    Edits.push_back(Editor.insert(
        End, "\n" + Indent + "pthread_mutex_unlock(&" + Mutex + ");"));
  } else {
    Edits.push_back(Editor.insert(Begin, "std::unique_lock<std::mutex> " +
                                             Guard + "(" + Mutex + ");\n" +
                                             Indent));
    Edits.push_back(Editor.insert(End, "\n" + Indent + Guard + ".unlock();"));
  }
  for (std::optional<TextEdit> &Edit : Edits) {
    if (!Edit)
      return std::nullopt;
    if (!Edit->Text.empty())
      F.Edits.push_back(std::move(*Edit));
  }
  return F;
}

std::optional<Fix> planLockFix(const RaceFinding &Finding,
                               const ResolvedAccess &Write,
                               const ProgramModel &Model) {
  return LockFixPlanner(Finding, Write, Model).plan();
}

} // namespace racelint
