//===--- AtomicFix.cpp - The atomic alternative for a one-step update -----===//
//
// The fix changes the variable's declaration (C++: std::atomic<T>, C:
// _Atomic T) and, in C++, spells every plain read as x.load(), which yields
// exactly the T the read yielded before wherever it is used (varargs,
// templates, auto). Updates and stores stay as written: std::atomic's
// ++, --, +=, -=, &=, |=, ^= and = are the atomic operations, and C11 makes
// every compound assignment on an _Atomic object one. Every other use, and
// every split update of the variable anywhere, refuses the fix.
//
//===----------------------------------------------------------------------===//
#include "AtomicFix.h"

#include "FixEdits.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace racelint {

namespace {

/// The references to variables of static storage in the code visited.
class GlobalReferenceCollector
    : public RecursiveASTVisitor<GlobalReferenceCollector> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    const auto *Variable = dyn_cast<VarDecl>(Ref->getDecl());
    if (Variable && Variable->hasGlobalStorage())
      References[Variable->getCanonicalDecl()].push_back(Ref);
    return true;
  }

  AtomicFixes::ReferenceIndex References;
};

class AtomicFixPlanner {
public:
  AtomicFixPlanner(const VarDecl *Variable,
                   llvm::ArrayRef<const DeclRefExpr *> References,
                   ASTContext &Context)
      : Variable(Variable), References(References), Context(Context),
        SM(Context.getSourceManager()), LangOpts(Context.getLangOpts()),
        Editor(SM) {}

  std::optional<Fix> plan();

private:
  bool isConvertible() const;
  bool isSingleDeclarator() const;
  bool planUse(const DeclRefExpr *Ref);
  bool mentionsVariable(const Expr *E) const;
  bool isOneStepUpdate(const Expr *Update) const;
  bool resultIsValueOrDiscarded(const Expr *E) const;
  const Expr *outermostParens(const Expr *E) const;
  const Stmt *parentOf(const Stmt *S) const;
  bool planDeclaration();

  const VarDecl *Variable;
  llvm::ArrayRef<const DeclRefExpr *> References;
  ASTContext &Context;
  const SourceManager &SM;
  const LangOptions &LangOpts;
  FixEditor Editor;
  std::vector<std::optional<TextEdit>> Edits;
};

} // namespace

/// An integer the standard makes atomic without a lock, declared once, here.
bool AtomicFixPlanner::isConvertible() const {
  QualType T = Variable->getType();
  if (T.hasQualifiers() || !T->isIntegerType() || T->isBooleanType() ||
      T->isEnumeralType() || !T.getCanonicalType()->isBuiltinType() ||
      T->getContainedDeducedType() || Context.getTypeSize(T) > 64)
    return false;
  if (LangOpts.CPlusPlus ? !LangOpts.CPlusPlus11 : !LangOpts.C11)
    return false;
  // A declaration elsewhere (an extern in a header) would keep the old type.
  if (Variable->getPreviousDecl() ||
      Variable->getMostRecentDecl() != Variable ||
      Variable->hasExternalStorage() ||
      Variable->getTLSKind() != VarDecl::TLS_None)
    return false;
  const DeclContext *Scope = Variable->getDeclContext();
  if (Scope->isDependentContext())
    return false;
  if (const auto *Function = dyn_cast<FunctionDecl>(Scope))
    if (Function->isTemplateInstantiation())
      return false;
  if (!Scope->isFileContext() && !Variable->isStaticLocal())
    return false;
  SourceLocation Where = Variable->getLocation();
  return !Where.isMacroID() && SM.isInMainFile(Where) &&
         Variable->getTypeSourceInfo() && isSingleDeclarator();
}

/// 'static int a, b;' shares one type specifier: changing it changes both.
bool AtomicFixPlanner::isSingleDeclarator() const {
  if (Variable->isStaticLocal()) {
    DynTypedNodeList Parents = Context.getParents(*Variable);
    const auto *Declaration =
        Parents.size() == 1 ? Parents[0].get<DeclStmt>() : nullptr;
    return Declaration && Declaration->isSingleDecl();
  }
  for (const Decl *Other : Variable->getDeclContext()->decls())
    if (Other != Variable && isa<DeclaratorDecl>(Other) &&
        Other->getBeginLoc() == Variable->getBeginLoc())
      return false;
  return true;
}

const Stmt *AtomicFixPlanner::parentOf(const Stmt *S) const {
  DynTypedNodeList Parents = Context.getParents(*S);
  return Parents.size() == 1 ? Parents[0].get<Stmt>() : nullptr;
}

const Expr *AtomicFixPlanner::outermostParens(const Expr *E) const {
  // Parentheses nest shallowly; the bound keeps a pathological AST cheap.
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    const auto *Parens = dyn_cast_or_null<ParenExpr>(parentOf(E));
    if (!Parens)
      return E;
    E = Parens;
  }
  return E;
}

/// std::atomic's ++, +=, = return a T where the built-in ones returned the
/// variable itself: fine where the result is read or thrown away.
bool AtomicFixPlanner::resultIsValueOrDiscarded(const Expr *E) const {
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    E = outermostParens(E);
    const Stmt *Parent = parentOf(E);
    if (!Parent)
      return false;
    if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent))
      return Cast->getCastKind() == CK_LValueToRValue;
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Parent))
      return Cast->getType()->isVoidType();
    if (const auto *Comma = dyn_cast<BinaryOperator>(Parent);
        Comma && Comma->getOpcode() == BO_Comma) {
      if (Comma->getLHS()->IgnoreParens() == E)
        return true;
      E = Comma;
      continue;
    }
    if (isa<ExprWithCleanups>(Parent)) {
      E = cast<Expr>(Parent);
      continue;
    }
    // A statement of its own: the value is discarded.
    return isa<CompoundStmt, ForStmt, WhileStmt, DoStmt, IfStmt, LabelStmt,
               CaseStmt, DefaultStmt, AttributedStmt>(Parent);
  }
  return false;
}

/// x = x + 1 and x += x read the variable apart from the update: two steps,
/// even on an atomic. (The model's split updates have them too, but only in
/// the code the thread model reaches.)
bool AtomicFixPlanner::mentionsVariable(const Expr *E) const {
  GlobalReferenceCollector Collector;
  Collector.TraverseStmt(const_cast<Expr *>(E));
  return Collector.References.count(Variable);
}

bool AtomicFixPlanner::isOneStepUpdate(const Expr *Update) const {
  const auto *Compound = dyn_cast<CompoundAssignOperator>(Update);
  if (Compound && mentionsVariable(Compound->getRHS()))
    return false;
  if (!LangOpts.CPlusPlus)
    return true;
  if (Compound) {
    switch (Compound->getOpcode()) {
    case BO_AddAssign:
    case BO_SubAssign:
    case BO_AndAssign:
    case BO_OrAssign:
    case BO_XorAssign:
      break;
    default:
      return false;
    }
    // std::atomic<int>::operator+=(int) would truncate 'x += 0.5' first.
    if (!Compound->getRHS()->getType()->isIntegerType())
      return false;
  }
  const auto *Unary = dyn_cast<UnaryOperator>(Update);
  if (Unary && Unary->isPostfix())
    return true;
  return resultIsValueOrDiscarded(Update);
}

/// Whether this use keeps its meaning on an atomic, and its edit.
bool AtomicFixPlanner::planUse(const DeclRefExpr *Ref) {
  const Expr *Use = outermostParens(Ref);
  const Stmt *Parent = parentOf(Use);
  if (!Parent)
    return false;
  if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent)) {
    if (Cast->getCastKind() != CK_LValueToRValue)
      return false;
    if (LangOpts.CPlusPlus)
      Edits.push_back(Editor.insert(
          Lexer::getLocForEndOfToken(Ref->getEndLoc(), 0, SM, LangOpts),
          ".load()"));
    return true;
  }
  if (const auto *Unary = dyn_cast<UnaryOperator>(Parent))
    return Unary->isIncrementDecrementOp() && isOneStepUpdate(Unary);
  const auto *Binary = dyn_cast<BinaryOperator>(Parent);
  if (!Binary || Binary->getLHS() != Use)
    return false;
  if (isa<CompoundAssignOperator>(Binary))
    return isOneStepUpdate(Binary);
  if (Binary->getOpcode() != BO_Assign)
    return false;
  return !mentionsVariable(Binary->getRHS()) &&
         (!LangOpts.CPlusPlus || resultIsValueOrDiscarded(Binary));
}

/// 'int x = 0;' becomes 'std::atomic<int> x = 0;' (C: '_Atomic int x = 0;').
bool AtomicFixPlanner::planDeclaration() {
  SourceRange TypeRange =
      Variable->getTypeSourceInfo()->getTypeLoc().getSourceRange();
  SourceLocation TypeEnd =
      Lexer::getLocForEndOfToken(TypeRange.getEnd(), 0, SM, LangOpts);
  if (!LangOpts.CPlusPlus) {
    Edits.push_back(Editor.insert(TypeRange.getBegin(), "_Atomic "));
    return true;
  }
  StringRef TypeText = Lexer::getSourceText(
      CharSourceRange::getCharRange(TypeRange.getBegin(), TypeEnd), SM,
      LangOpts);
  if (TypeText.empty())
    return false;
  Edits.push_back(Editor.replace(TypeRange.getBegin(), TypeEnd,
                                 "std::atomic<" + TypeText.str() + ">"));
  Edits.push_back(
      Editor.include(SM.getFileID(Variable->getLocation()), "atomic"));
  // Before C++17, 'std::atomic<int> x = 0;' needs the deleted copy
  // constructor: initialise directly instead.
  const Expr *Init = Variable->getInit();
  if (!Init || LangOpts.CPlusPlus17 ||
      Variable->getInitStyle() != VarDecl::CInit)
    return true;
  std::optional<Token> Equal =
      Lexer::findNextToken(Variable->getLocation(), SM, LangOpts);
  SourceLocation InitEnd =
      Lexer::getLocForEndOfToken(Init->getEndLoc(), 0, SM, LangOpts);
  if (!Equal || !Equal->is(tok::equal))
    return false;
  StringRef InitText = Lexer::getSourceText(
      CharSourceRange::getCharRange(Init->getBeginLoc(), InitEnd), SM,
      LangOpts);
  if (InitText.empty())
    return false;
  SourceLocation NameEnd =
      Lexer::getLocForEndOfToken(Variable->getLocation(), 0, SM, LangOpts);
  Edits.push_back(Editor.replace(NameEnd, InitEnd, "(" + InitText.str() + ")"));
  return true;
}

std::optional<Fix> AtomicFixPlanner::plan() {
  if (!isConvertible() || References.empty())
    return std::nullopt;
  for (const DeclRefExpr *Ref : References)
    if (!planUse(Ref))
      return std::nullopt;
  if (!planDeclaration())
    return std::nullopt;

  Fix F;
  std::string Name = Variable->getNameAsString();
  F.Description =
      LangOpts.CPlusPlus
          ? "make '" + Name + "' a std::atomic<" +
                Variable->getType().getAsString(Context.getPrintingPolicy()) +
                ">: each update becomes one atomic read-modify-write"
          : "make '" + Name +
                "' _Atomic: each update becomes one atomic read-modify-write";
  F.MakesAtomic = true;
  for (std::optional<TextEdit> &Edit : Edits) {
    if (!Edit)
      return std::nullopt;
    if (!Edit->Text.empty())
      F.Edits.push_back(std::move(*Edit));
  }
  llvm::sort(F.Edits, [](const TextEdit &A, const TextEdit &B) {
    return A.Offset < B.Offset;
  });
  return F;
}

std::optional<Fix> AtomicFixes::planFor(const RaceFinding &Finding,
                                        const ResolvedAccess &Write) {
  if (Finding.RuleId != Rule::UnsynchronizedRMW || !Finding.Form ||
      !Write.Update || Write.Path.rootKind() != RootKind::Global ||
      !Write.Path.steps().empty())
    return std::nullopt;
  switch (*Finding.Form) {
  case UpdateForm::Increment:
  case UpdateForm::Decrement:
  case UpdateForm::Compound:
    break;
  case UpdateForm::Recomputed:
  case UpdateForm::AtomicSplit:
    return std::nullopt;
  }
  const auto *Variable =
      dyn_cast<VarDecl>(static_cast<const ValueDecl *>(Write.Path.rootDecl()));
  if (!Variable)
    return std::nullopt;
  Variable = Variable->getCanonicalDecl();
  auto [It, Inserted] = ByVariable.try_emplace(Variable);
  if (Inserted) {
    index();
    auto Uses = References.find(Variable);
    if (Uses != References.end() && !SplitUpdated.contains(Variable))
      It->second =
          AtomicFixPlanner(Variable, Uses->second, Model.Context).plan();
  }
  return It->second;
}

/// One walk over the user's code for every variable's references, and one
/// over the model for the variables updated in two steps (tmp = x;
/// x = tmp - 1), which stay two steps on an atomic: the update would still
/// be lost.
void AtomicFixes::index() {
  if (Indexed)
    return;
  Indexed = true;
  const SourceManager &SM = Model.Context.getSourceManager();
  GlobalReferenceCollector Collector;
  // A system header cannot name the user's variables.
  for (Decl *D : Model.Context.getTranslationUnitDecl()->decls())
    if (!SM.isInSystemHeader(D->getLocation()))
      Collector.TraverseDecl(D);
  References = std::move(Collector.References);
  for (const ResolvedAccess &A : Model.Threads.accesses()) {
    if (!A.Update || A.Path.rootKind() != RootKind::Global ||
        !A.Path.steps().empty())
      continue;
    if (A.Update->Form == UpdateForm::Recomputed ||
        A.Update->Form == UpdateForm::AtomicSplit)
      if (const auto *Variable = dyn_cast<VarDecl>(
              static_cast<const ValueDecl *>(A.Path.rootDecl())))
        SplitUpdated.insert(Variable->getCanonicalDecl());
  }
}

} // namespace racelint
