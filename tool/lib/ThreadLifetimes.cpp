//===--- ThreadLifetimes.cpp - What both lifetime rules share -------------===//
//
// The CFG both rules build, and the small recognizers they share: std class
// names, the object a handle expression names, C library calls by name, and
// a pthread attribute made detached.
//
//===----------------------------------------------------------------------===//
#include "ThreadLifetimes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"

using namespace clang;

namespace racelint {

StringRef stdTypeName(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || !RD->isInStdNamespace())
    return {};
  return RD->getName();
}

std::unique_ptr<CFG> buildLifetimeCFG(const FunctionDecl *FD,
                                      ASTContext &Context) {
  if (!FD || !FD->hasBody())
    return nullptr;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddInitializers = true;
  Options.AddTemporaryDtors = false;
  Options.setAllAlwaysAdd();
  return CFG::buildCFG(FD, FD->getBody(), &Context, Options);
}

bool isCLibraryCall(const CallExpr *Call, StringRef Name) {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD || !FD->getIdentifier() || FD->getName() != Name)
    return false;
  const DeclContext *DC = FD->getDeclContext()->getRedeclContext();
  return DC->isTranslationUnit() || DC->isExternCContext() ||
         FD->isInStdNamespace();
}

const Decl *objectKey(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 32; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)) {
      E = U->getSubExpr();
      continue;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return DRE->getDecl();
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      return ME->getMemberDecl();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E)) {
      E = M->getSubExpr();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getNumArgs() >= 1 &&
        (Op->getOperator() == OO_Subscript || Op->getOperator() == OO_Star ||
         Op->getOperator() == OO_Arrow)) {
      E = Op->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

namespace {
/// Finds pthread_attr_setdetachstate(&Attr, PTHREAD_CREATE_DETACHED).
class DetachStateFinder : public RecursiveASTVisitor<DetachStateFinder> {
public:
  DetachStateFinder(const Decl *Attr, ASTContext &Context)
      : Attr(Attr), Context(Context) {}

  bool VisitCallExpr(CallExpr *Call) {
    if (Found || !isCLibraryCall(Call, "pthread_attr_setdetachstate") ||
        Call->getNumArgs() != 2 || objectKey(Call->getArg(0)) != Attr)
      return true;
    const Expr *State = Call->getArg(1)->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(State))
      if (DRE->getDecl()->getName() == "PTHREAD_CREATE_DETACHED") {
        Found = Call;
        return true;
      }
    // glibc, musl and the BSDs all define PTHREAD_CREATE_DETACHED as 1.
    Expr::EvalResult Value;
    if (State->EvaluateAsInt(Value, Context) && Value.Val.getInt() == 1)
      Found = Call;
    return true;
  }

  const CallExpr *Found = nullptr;

private:
  const Decl *Attr;
  ASTContext &Context;
};
} // namespace

const CallExpr *detachedAttributeSet(const Expr *Attr, const FunctionDecl *F,
                                     ASTContext &Context) {
  if (!Attr || !F || !F->hasBody())
    return nullptr;
  const Decl *Key = objectKey(Attr);
  if (!Key)
    return nullptr;
  // FIXME: flow-insensitive, and blind to an attribute set up in a helper.
  DetachStateFinder Finder(Key, Context);
  Finder.TraverseStmt(F->getBody());
  return Finder.Found;
}

} // namespace racelint
