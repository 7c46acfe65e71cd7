//===--- ThreadModel.cpp - Where threads start, join and detach -----------===//
#include "ThreadModel.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/StringSwitch.h"

using namespace clang;

namespace racelint {

static StringRef stdClassName(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier() || !RD->isInStdNamespace())
    return {};
  return RD->getName();
}

bool isJThreadType(QualType T) { return stdClassName(T) == "jthread"; }

bool isFutureType(QualType T) { return stdClassName(T) == "future"; }

bool isThreadHandleType(QualType T) {
  StringRef Name = stdClassName(T);
  return Name == "thread" || Name == "jthread";
}

/// std::function and its kin hold a callable: the thread runs what they
/// were made from.
static bool isCallableWrapper(QualType T) {
  StringRef Name = stdClassName(T);
  return Name == "function" || Name == "move_only_function" ||
         Name == "packaged_task";
}

static const Expr *skipWrappers(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(E);
             C && C->getNumArgs() == 1 &&
             (C->getConstructor()->isCopyOrMoveConstructor() ||
              isCallableWrapper(C->getType())))
      E = C->getArg(0);
    else
      return E;
  }
}

/// Fills Entry/Object from the callable argument of a start.
static bool resolveCallable(const Expr *Callable, ThreadStartCall &Start,
                            llvm::ArrayRef<const Expr *> Rest) {
  const Expr *E = skipWrappers(Callable)->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  // A function pointer variable: the function it was initialized with.
  // FIXME: a later assignment to the variable is not followed.
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
        Var && Var->getType()->isFunctionPointerType() && Var->getInit())
      if (const auto *Init =
              dyn_cast<DeclRefExpr>(Var->getInit()->IgnoreParenCasts());
          !Init || Init->getDecl() != Var)
        return resolveCallable(Var->getInit(), Start, Rest);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *MD = dyn_cast<CXXMethodDecl>(DRE->getDecl());
        MD && MD->isInstance()) {
      if (Rest.empty())
        return false;
      Start.Entry = MD;
      Start.Object = Rest.front();
      Start.Args.append(Rest.begin() + 1, Rest.end());
      return true;
    }
    if (const auto *FD = dyn_cast<FunctionDecl>(DRE->getDecl())) {
      Start.Entry = FD;
      Start.Args.append(Rest.begin(), Rest.end());
      return true;
    }
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(E)) {
    Start.Entry = Lambda->getCallOperator();
    Start.Object = Lambda;
    Start.Args.append(Rest.begin(), Rest.end());
    return true;
  }
  // A functor or a named closure: its call operator, if it has exactly one.
  const CXXRecordDecl *RD = E->getType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  for (const CXXMethodDecl *MD : RD->methods()) {
    if (MD->getOverloadedOperator() != OO_Call)
      continue;
    Start.Entry = MD;
    Start.Object = E;
    Start.Args.append(Rest.begin(), Rest.end());
    return true;
  }
  if (RD->isLambda())
    if (const CXXMethodDecl *Call = RD->getLambdaCallOperator()) {
      Start.Entry = Call;
      Start.Object = E;
      Start.Args.append(Rest.begin(), Rest.end());
      return true;
    }
  return false;
}

static std::optional<ThreadStartCall>
startFromArgs(StartKind Kind, llvm::ArrayRef<const Expr *> Args) {
  if (Args.empty())
    return std::nullopt;
  ThreadStartCall Start;
  Start.Kind = Kind;
  if (!resolveCallable(Args.front(), Start, Args.drop_front()))
    return std::nullopt;
  return Start;
}

static llvm::SmallVector<const Expr *, 4> argsOf(const CallExpr *Call) {
  return {Call->arg_begin(), Call->arg_end()};
}

static std::optional<ThreadStartCall> classifyAsync(const CallExpr *Call) {
  llvm::SmallVector<const Expr *, 4> Args = argsOf(Call);
  bool MayBeDeferred = true;
  const auto *Policy =
      Args.empty() ? nullptr : Args.front()->getType()->getAsTagDecl();
  if (Policy && Policy->isInStdNamespace() && Policy->getIdentifier() &&
      Policy->getName() == "launch") {
    // FIXME: a policy computed at run time counts as may-be-deferred.
    const auto *DRE =
        dyn_cast<DeclRefExpr>(Args.front()->IgnoreParenImpCasts());
    MayBeDeferred = !DRE || DRE->getDecl()->getName() != "async";
    Args.erase(Args.begin());
  }
  auto Start = startFromArgs(StartKind::Async, Args);
  if (Start)
    Start->MayBeDeferred = MayBeDeferred;
  return Start;
}

std::optional<ThreadStartCall> classifyThreadStart(const Stmt *S) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    if (!isThreadHandleType(Construct->getType()) ||
        Construct->getConstructor()->isCopyOrMoveConstructor() ||
        Construct->getNumArgs() == 0)
      return std::nullopt;
    StartKind Kind = isJThreadType(Construct->getType()) ? StartKind::JThread
                                                         : StartKind::StdThread;
    llvm::SmallVector<const Expr *, 4> Args(Construct->arg_begin(),
                                            Construct->arg_end());
    return startFromArgs(Kind, Args);
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call)
    return std::nullopt;
  // vector<std::thread>::emplace_back(f, args...) constructs the thread
  // inside the library, out of the user's sight.
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier() || MD->getName() != "emplace_back" ||
        MC->getNumArgs() == 0)
      return std::nullopt;
    const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
        MC->getObjectType()->getAsCXXRecordDecl());
    if (!Spec || Spec->getTemplateArgs().size() == 0 ||
        Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type ||
        !isThreadHandleType(Spec->getTemplateArgs()[0].getAsType()))
      return std::nullopt;
    if (isThreadHandleType(MC->getArg(0)->getType()))
      return std::nullopt;
    StartKind Kind = isJThreadType(Spec->getTemplateArgs()[0].getAsType())
                         ? StartKind::JThread
                         : StartKind::StdThread;
    return startFromArgs(Kind, argsOf(Call));
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return std::nullopt;
  if (FD->isInStdNamespace() && FD->getName() == "async")
    return classifyAsync(Call);
  if (FD->getName() != "pthread_create" || Call->getNumArgs() != 4)
    return std::nullopt;
  ThreadStartCall Start;
  Start.Kind = StartKind::PthreadCreate;
  Start.HandleOut = Call->getArg(0);
  Start.Attr = Call->getArg(1);
  ThreadStartCall Routine;
  if (!resolveCallable(Call->getArg(2), Routine, {}) ||
      isa<CXXMethodDecl>(Routine.Entry) &&
          cast<CXXMethodDecl>(Routine.Entry)->isInstance())
    return std::nullopt;
  Start.Entry = Routine.Entry;
  Start.Args.push_back(Call->getArg(3));
  return Start;
}

std::optional<ThreadStartCall>
classifyConfiguredStart(const CallExpr *Call, const AnalysisHints &Hints) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (Hints.ThreadStartFunctions.empty() || !FD)
    return std::nullopt;
  std::string Name = FD->getQualifiedNameAsString();
  for (const ThreadStartFunction &Start : Hints.ThreadStartFunctions) {
    if (Start.Function != Name || Start.CallableArgument >= Call->getNumArgs())
      continue;
    ThreadStartCall Result;
    Result.Kind = StartKind::StdThread;
    if (!resolveCallable(Call->getArg(Start.CallableArgument), Result, {}))
      return std::nullopt;
    return Result;
  }
  return std::nullopt;
}

std::optional<HandleOp> classifyHandleOp(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return std::nullopt;
    // future::wait() is declared in a base class: name the object's own type.
    const Expr *Object = MC->getImplicitObjectArgument()->IgnoreImpCasts();
    StringRef Class = stdClassName(Object->getType());
    if (Class == "thread" || Class == "jthread") {
      if (MD->getName() == "join")
        return HandleOp{HandleOpKind::Join, Object};
      if (MD->getName() == "detach")
        return HandleOp{HandleOpKind::Detach, Object};
    }
    if ((Class == "future" || Class == "shared_future") &&
        (MD->getName() == "get" || MD->getName() == "wait"))
      return HandleOp{HandleOpKind::Join, Object};
    return std::nullopt;
  }
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier() || Call->getNumArgs() < 1)
    return std::nullopt;
  if (FD->getName() == "pthread_join")
    return HandleOp{HandleOpKind::Join, Call->getArg(0)};
  if (FD->getName() == "pthread_detach")
    return HandleOp{HandleOpKind::Detach, Call->getArg(0)};
  return std::nullopt;
}

} // namespace racelint
