//===--- JoinableThreads.cpp - Threads nobody joins -----------------------===//
//
// A may-analysis per function over its CFG: for each local std::thread, or
// local container of them, the starts that may have left it joinable. A
// handle still joinable at its implicit destructor, when it is assigned to,
// or at a call that may throw out of its scope is lost on that path. A
// class's std::thread members go through the same flow in its destructor.
// A pthread is leaked when no join or detach of its handle is reachable.
//
//===----------------------------------------------------------------------===//
#include "ThreadLifetimes.h"

#include "ThreadModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

#include <map>
#include <set>

using namespace clang;

namespace racelint {

namespace {

bool isStdThread(QualType T) { return stdTypeName(T) == "thread"; }

/// A container whose elements are std::threads: a std::vector<std::thread>
/// (any std template over std::thread) or an array of them.
bool isThreadContainer(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Array = T->getAsArrayTypeUnsafe())
    return isStdThread(Array->getElementType());
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() ||
      Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return false;
  return isStdThread(Spec->getTemplateArgs()[0].getAsType());
}

bool isHandleType(QualType T) { return isStdThread(T) || isThreadContainer(T); }

/// The variable or member an object expression is itself ('t', 'this->t'),
/// not an element of it.
const ValueDecl *directKey(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

const Expr *skipWrappers(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(E))
      E = F->getSubExpr();
    else if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else
      return E;
  }
}

bool isStdMove(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  return FD && FD->isInStdNamespace() && FD->getIdentifier() &&
         FD->getName() == "move" && Call->getNumArgs() == 1;
}

/// A std::thread start (not a std::jthread, which joins itself).
bool isThreadStart(const Stmt *S) {
  std::optional<ThreadStartCall> Start = classifyThreadStart(S);
  return Start && Start->Kind == StartKind::StdThread;
}

StringRef methodName(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *MD = MC->getMethodDecl();
  return MD && MD->getIdentifier() ? MD->getName() : StringRef();
}

bool isJoinOrDetach(const CXXMemberCallExpr *MC) {
  if (!isStdThread(MC->getObjectType()))
    return false;
  StringRef Name = methodName(MC);
  return Name == "join" || Name == "detach";
}

/// Calls that add a thread to a container.
bool isInsertion(StringRef Name) {
  return llvm::StringSwitch<bool>(Name)
      .Cases("push_back", "emplace_back", "emplace", "push_front", true)
      .Cases("emplace_front", "insert", true)
      .Default(false);
}

/// Uses of a handle the flow follows; any other use lets it escape.
bool isUnderstoodUse(const DeclRefExpr *Ref, ParentMap &PM) {
  const Stmt *P =
      PM.getParentIgnoreParenImpCasts(const_cast<DeclRefExpr *>(Ref));
  if (!P)
    return false;
  bool Container = isThreadContainer(Ref->getType());
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME));
    if (!MC || MC->getCallee()->IgnoreParens() != ME)
      return false;
    StringRef Name = methodName(MC);
    if (!Container)
      return llvm::StringSwitch<bool>(Name)
          .Cases("join", "detach", "joinable", "get_id", "native_handle", true)
          .Default(false);
    return isInsertion(Name) ||
           llvm::StringSwitch<bool>(Name)
               .Cases("size", "empty", "begin", "end", "cbegin", "cend", true)
               .Cases("rbegin", "rend", "reserve", "front", "back", "at", true)
               .Cases("data", "capacity", true)
               .Default(false);
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
    return Op->getNumArgs() >= 1 &&
           Op->getArg(0)->IgnoreParenImpCasts() == Ref &&
           (Op->getOperator() == OO_Equal ||
            (Container && Op->getOperator() == OO_Subscript));
  if (isa<ArraySubscriptExpr>(P))
    return Container;
  if (const auto *Call = dyn_cast<CallExpr>(P))
    return isStdMove(Call);
  // The hidden '__range' variable of a range-based for.
  if (const auto *DS = dyn_cast<DeclStmt>(P))
    if (const auto *Var = dyn_cast_or_null<VarDecl>(DS->getSingleDecl()))
      return Var->isImplicit();
  return false;
}

/// The starts that may have left each followed handle joinable.
struct HandleState {
  bool Reached = false;
  std::map<const ValueDecl *, std::set<const Stmt *>> Joinable;

  bool join(const HandleState &O) {
    if (!O.Reached)
      return false;
    if (!Reached) {
      *this = O;
      return true;
    }
    bool Changed = false;
    for (const auto &[Key, Starts] : O.Joinable)
      for (const Stmt *Start : Starts)
        Changed |= Joinable[Key].insert(Start).second;
    return Changed;
  }

  void clear(const ValueDecl *Key) { Joinable.erase(Key); }
  bool joinable(const ValueDecl *Key) const {
    auto It = Joinable.find(Key);
    return It != Joinable.end() && !It->second.empty();
  }
};

struct Loss {
  const ValueDecl *Handle;
  LostAt Exit;
  bool Assigned = false;
};

/// A statement that may throw out of the function: the name of the callee,
/// or an empty name for a throw expression.
std::optional<std::string> thrower(const Stmt *S, const ASTContext &Context) {
  if (isa<CXXThrowExpr>(S))
    return std::string();
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    Callee = Call->getDirectCallee();
    if (!Callee) {
      QualType T = Call->getCallee()->getType();
      if (const auto *Ptr = T->getAs<PointerType>())
        T = Ptr->getPointeeType();
      const auto *Proto = T->getAs<FunctionProtoType>();
      if (Proto && !Proto->isNothrow())
        return std::string("the function called here");
      return std::nullopt;
    }
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
    Callee = Construct->getConstructor();
  }
  if (!Callee)
    return std::nullopt;
  if (Context.getSourceManager().isInSystemHeader(Callee->getLocation())) {
    // The library throws for resource exhaustion almost everywhere; these
    // throw on ordinary bad input.
    const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
    StringRef Name = Callee->getIdentifier() ? Callee->getName() : "";
    bool Throws =
        llvm::StringSwitch<bool>(Name)
            .Cases("at", "value", "any_cast", "stoi", "stol", "stoll", true)
            .Cases("stoul", "stoull", "stof", "stod", "stold", true)
            .Default(false) ||
        (Method && Method->getOverloadedOperator() == OO_Call &&
         stdTypeName(Context.getRecordType(Method->getParent())) == "function");
    if (!Throws)
      return std::nullopt;
    return Callee->getQualifiedNameAsString();
  }
  // FIXME: implicit members have unevaluated exception specifications; they
  // are taken not to throw.
  if (Callee->isImplicit() || Callee->hasAttr<NoThrowAttr>())
    return std::nullopt;
  const auto *Proto = Callee->getType()->getAs<FunctionProtoType>();
  if (!Proto || Proto->isNothrow())
    return std::nullopt;
  return Callee->getQualifiedNameAsString();
}

LostAt exitAt(const Stmt *Trigger, const VarDecl *Var) {
  if (!Trigger)
    return {ExitKind::ScopeEnd, Var->getEndLoc(), {}};
  if (isa<ReturnStmt>(Trigger))
    return {ExitKind::Return, Trigger->getBeginLoc(), {}};
  if (isa<BreakStmt>(Trigger))
    return {ExitKind::Break, Trigger->getBeginLoc(), {}};
  if (isa<ContinueStmt>(Trigger))
    return {ExitKind::Continue, Trigger->getBeginLoc(), {}};
  if (isa<GotoStmt>(Trigger))
    return {ExitKind::Goto, Trigger->getBeginLoc(), {}};
  if (const auto *Body = dyn_cast<CompoundStmt>(Trigger))
    return {ExitKind::ScopeEnd, Body->getRBracLoc(), {}};
  return {ExitKind::ScopeEnd, Trigger->getEndLoc(), {}};
}

/// How a loop's body recognizes the element it joins.
struct ElementMatcher {
  const ValueDecl *Container = nullptr;
  /// A range-based for's loop variable.
  const VarDecl *LoopVariable = nullptr;

  bool matches(const Expr *Object) const {
    const Expr *E = Object->IgnoreParenImpCasts();
    if (LoopVariable)
      return directKey(E) == LoopVariable;
    if (isa<ArraySubscriptExpr>(E))
      return objectKey(E) == Container;
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getOperator() == OO_Subscript)
        return objectKey(E) == Container;
      // '*it' or 'it->' on an iterator from the container's begin().
      if ((Op->getOperator() == OO_Star || Op->getOperator() == OO_Arrow) &&
          Op->getNumArgs() >= 1)
        if (const auto *It =
                dyn_cast_or_null<VarDecl>(directKey(Op->getArg(0))))
          if (const auto *Begin = dyn_cast_or_null<CXXMemberCallExpr>(
                  It->getInit() ? skipWrappers(It->getInit()) : nullptr))
            return directKey(Begin->getImplicitObjectArgument()) == Container;
      return false;
    }
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E))
      return methodName(MC) == "at" &&
             directKey(MC->getImplicitObjectArgument()) == Container;
    return false;
  }
};

/// The element join in a loop body, if any, to learn the container from.
class ElementJoinFinder : public RecursiveASTVisitor<ElementJoinFinder> {
public:
  explicit ElementJoinFinder(const std::set<const ValueDecl *> &Followed)
      : Followed(Followed) {}
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (Found || !isJoinOrDetach(MC))
      return true;
    for (const ValueDecl *C : Followed) {
      ElementMatcher M{C, nullptr};
      if (M.matches(MC->getImplicitObjectArgument()))
        Found = C;
    }
    return true;
  }
  const ValueDecl *Found = nullptr;

private:
  const std::set<const ValueDecl *> &Followed;
};

/// The flow of one function. Locals mode follows the function's own handle
/// variables; member mode follows fields of 'this' through a destructor.
class HandleFlow {
public:
  HandleFlow(ASTContext &Context, const FunctionDecl *F,
             std::set<const ValueDecl *> Followed, bool MemberMode,
             unsigned Depth = 0)
      : Context(Context), F(F), Followed(std::move(Followed)),
        MemberMode(MemberMode), Depth(Depth) {}

  /// Runs to a fixpoint from \p Initial; returns the state at the exit.
  HandleState run(HandleState Initial);

  std::map<const Stmt *, std::vector<Loss>> Losses;
  /// The DeclStmt declaring each local handle.
  llvm::DenseMap<const ValueDecl *, const DeclStmt *> DeclaredBy;

private:
  void transfer(const CFGElement &E, HandleState &State);
  void transferEdge(const CFGBlock *From, const CFGBlock *To,
                    HandleState &State);
  std::set<const Stmt *> startsOf(const Expr *Init, HandleState &State);
  void lose(const std::set<const Stmt *> &Starts, Loss L);
  bool caughtInScope(const Stmt *S, const ValueDecl *Handle);
  bool calleeJoins(const CXXMethodDecl *Callee, const ValueDecl *Field);
  void findJoinLoops(const CFG &Graph);
  bool bodyJoinsEveryElement(const CFGBlock *Header,
                             const ElementMatcher &M) const;
  bool followed(const ValueDecl *D) const {
    return D && Followed.count(D) != 0;
  }

  ASTContext &Context;
  const FunctionDecl *F;
  std::set<const ValueDecl *> Followed;
  bool MemberMode;
  unsigned Depth;
  std::unique_ptr<ParentMap> Parents;
  /// Loop headers whose normal exit has joined every element of a container.
  llvm::DenseMap<const CFGBlock *, const ValueDecl *> JoinLoops;
  /// What each std::move(handle) carried away.
  llvm::DenseMap<const Stmt *, std::set<const Stmt *>> Moved;
};

std::set<const Stmt *> HandleFlow::startsOf(const Expr *Init,
                                            HandleState &State) {
  if (!Init)
    return {};
  const Expr *E = skipWrappers(Init);
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (isThreadStart(Construct))
      return {Construct};
    if (Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor())
      return startsOf(Construct->getArg(0), State);
    return {};
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (isStdMove(Call)) {
      auto It = Moved.find(Call);
      return It != Moved.end() ? It->second : std::set<const Stmt *>();
    }
    // A thread handed back by value by a function is taken to be running.
    if (isStdThread(Call->getType()) && !Call->getType()->isReferenceType())
      return {Call};
  }
  return {};
}

void HandleFlow::lose(const std::set<const Stmt *> &Starts, Loss L) {
  for (const Stmt *Start : Starts) {
    std::vector<Loss> &List = Losses[Start];
    bool Known = llvm::any_of(List, [&](const Loss &Old) {
      return Old.Exit.Loc == L.Exit.Loc && Old.Assigned == L.Assigned;
    });
    if (!Known)
      List.push_back(L);
  }
}

bool HandleFlow::caughtInScope(const Stmt *S, const ValueDecl *Handle) {
  const DeclStmt *Decl = DeclaredBy.lookup(Handle);
  const Stmt *Scope = Decl ? Parents->getParent(Decl) : nullptr;
  const Stmt *Prev = S;
  for (const Stmt *N = Parents->getParent(S); N;
       Prev = N, N = Parents->getParent(N)) {
    if (N == Scope)
      return false;
    // FIXME: every handler is taken to catch the exception, and to leave
    // the handle for the code after the try.
    if (const auto *Try = dyn_cast<CXXTryStmt>(N);
        Try && Prev == Try->getTryBlock())
      return true;
  }
  return false;
}

bool HandleFlow::calleeJoins(const CXXMethodDecl *Callee,
                             const ValueDecl *Field) {
  constexpr unsigned MaxDepth = 4;
  if (Depth >= MaxDepth || !Callee->hasBody())
    return false;
  HandleFlow Inner(Context, Callee->getDefinition(), {Field}, true, Depth + 1);
  HandleState Initial;
  Initial.Reached = true;
  Initial.Joinable[Field].insert(Callee->getBody());
  HandleState AtExit = Inner.run(Initial);
  return AtExit.Reached && !AtExit.joinable(Field);
}

void HandleFlow::transfer(const CFGElement &E, HandleState &State) {
  if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
    const VarDecl *Var = Dtor->getVarDecl();
    if (!State.joinable(Var))
      return;
    lose(State.Joinable[Var], {Var, exitAt(Dtor->getTriggerStmt(), Var)});
    State.clear(Var);
    return;
  }
  auto Element = E.getAs<CFGStmt>();
  if (!Element)
    return;
  const Stmt *S = Element->getStmt();

  const auto *Proto = F->getType()->getAs<FunctionProtoType>();
  if (!MemberMode && !F->isMain() && Proto && !Proto->isNothrow())
    if (std::optional<std::string> Callee = thrower(S, Context))
      for (auto &[Key, Starts] : State.Joinable)
        if (!Starts.empty() && !caughtInScope(S, Key))
          lose(Starts,
               {Key,
                {isa<CXXThrowExpr>(S) ? ExitKind::Throw : ExitKind::Call,
                 S->getBeginLoc(), *Callee}});

  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *Var = dyn_cast<VarDecl>(D); Var && followed(Var)) {
        std::set<const Stmt *> Starts = startsOf(Var->getInit(), State);
        if (isStdThread(Var->getType()))
          State.Joinable[Var] = Starts;
      }
    return;
  }
  if (const auto *Call = dyn_cast<CallExpr>(S); Call && isStdMove(Call)) {
    if (const ValueDecl *Key = directKey(Call->getArg(0)); followed(Key)) {
      Moved[Call] = State.Joinable[Key];
      State.clear(Key);
    }
    return;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2 ||
        !isStdThread(Op->getArg(0)->getType()))
      return;
    std::set<const Stmt *> Starts = startsOf(Op->getArg(1), State);
    const ValueDecl *Key = directKey(Op->getArg(0));
    if (followed(Key)) {
      if (State.joinable(Key))
        lose(State.Joinable[Key],
             {Key, {ExitKind::Call, Op->getOperatorLoc(), {}}, true});
      State.Joinable[Key] = Starts;
      return;
    }
    // An element of a followed container: threads[i] = std::thread(f).
    const auto *Container =
        dyn_cast_or_null<ValueDecl>(objectKey(Op->getArg(0)));
    if (followed(Container))
      State.Joinable[Container].insert(Starts.begin(), Starts.end());
    return;
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(S);
  if (!MC)
    return;
  const Expr *Object = MC->getImplicitObjectArgument();
  const ValueDecl *Key = Object ? directKey(Object) : nullptr;
  StringRef Name = methodName(MC);
  if (followed(Key) && isJoinOrDetach(MC)) {
    State.clear(Key);
    return;
  }
  if (followed(Key) && isThreadContainer(Object->getType())) {
    if (isThreadStart(MC)) {
      State.Joinable[Key].insert(MC);
      return;
    }
    if (isInsertion(Name) && MC->getNumArgs() >= 1) {
      const Expr *Arg = MC->getArg(MC->getNumArgs() - 1);
      std::set<const Stmt *> Starts = startsOf(Arg, State);
      State.Joinable[Key].insert(Starts.begin(), Starts.end());
    }
    return;
  }
  // A destructor that calls a member function which joins.
  if (MemberMode && Object && isa<CXXThisExpr>(Object->IgnoreParenImpCasts()))
    if (const auto *Callee =
            dyn_cast_or_null<CXXMethodDecl>(MC->getMethodDecl()))
      for (const ValueDecl *Field : Followed)
        if (State.joinable(Field) && calleeJoins(Callee, Field))
          State.clear(Field);
}

void HandleFlow::transferEdge(const CFGBlock *From, const CFGBlock *To,
                              HandleState &State) {
  if (From->succ_size() != 2)
    return;
  const CFGBlock *FalseSucc = *(From->succ_begin() + 1);
  if (auto It = JoinLoops.find(From); It != JoinLoops.end() && To == FalseSucc)
    State.clear(It->second);
  const Stmt *Cond = From->getTerminatorCondition();
  if (!Cond || !isa<Expr>(Cond))
    return;
  const Expr *E = cast<Expr>(Cond)->IgnoreParenImpCasts();
  bool Negated = false;
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot) {
    Negated = true;
    E = U->getSubExpr()->IgnoreParenImpCasts();
  }
  const auto *MC = dyn_cast<CXXMemberCallExpr>(E);
  if (!MC || methodName(MC) != "joinable" || !isStdThread(MC->getObjectType()))
    return;
  const ValueDecl *Key = directKey(MC->getImplicitObjectArgument());
  const CFGBlock *NotJoinable =
      Negated ? *From->succ_begin() : *(From->succ_begin() + 1);
  if (followed(Key) && To == NotJoinable)
    State.clear(Key);
}

bool HandleFlow::bodyJoinsEveryElement(const CFGBlock *Header,
                                       const ElementMatcher &M) const {
  const CFGBlock *Body = *Header->succ_begin();
  const CFGBlock *After = *(Header->succ_begin() + 1);
  if (!Body)
    return false;
  std::set<std::pair<const CFGBlock *, bool>> Seen;
  std::vector<std::pair<const CFGBlock *, bool>> Work{{Body, false}};
  while (!Work.empty()) {
    auto [B, Joined] = Work.back();
    Work.pop_back();
    if (B == Header) {
      if (!Joined)
        return false;
      continue;
    }
    // A break or a return leaves the loop: not a path of a whole iteration.
    if (B == After || B->succ_empty() || !Seen.insert({B, Joined}).second)
      continue;
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>())
        if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S->getStmt());
            MC && isJoinOrDetach(MC) &&
            M.matches(MC->getImplicitObjectArgument()))
          Joined = true;
    // 'if (t.joinable()) t.join();': the element is done on the false edge.
    const MemberExpr *Joinable = nullptr;
    bool Negated = false;
    if (const auto *Cond =
            dyn_cast_or_null<Expr>(B->getTerminatorCondition())) {
      const Expr *C = Cond->IgnoreParenImpCasts();
      if (const auto *U = dyn_cast<UnaryOperator>(C);
          U && U->getOpcode() == UO_LNot) {
        Negated = true;
        C = U->getSubExpr()->IgnoreParenImpCasts();
      }
      if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C);
          MC && methodName(MC) == "joinable" &&
          M.matches(MC->getImplicitObjectArgument()))
        Joinable = dyn_cast<MemberExpr>(MC->getCallee());
    }
    unsigned Index = 0;
    for (const CFGBlock *Succ : B->succs()) {
      bool NotJoinableEdge =
          Joinable && B->succ_size() == 2 && Index == (Negated ? 0u : 1u);
      ++Index;
      if (Succ)
        Work.push_back({Succ, Joined || NotJoinableEdge});
    }
  }
  return true;
}

void HandleFlow::findJoinLoops(const CFG &Graph) {
  for (const CFGBlock *B : Graph) {
    const Stmt *T = B->getTerminatorStmt();
    if (!T || B->succ_size() != 2)
      continue;
    ElementMatcher M;
    if (const auto *For = dyn_cast<CXXForRangeStmt>(T)) {
      const ValueDecl *Key = directKey(For->getRangeInit());
      if (!followed(Key))
        continue;
      M = {Key, For->getLoopVariable()};
    } else if (isa<ForStmt>(T) || isa<WhileStmt>(T)) {
      const Stmt *Body = isa<ForStmt>(T) ? cast<ForStmt>(T)->getBody()
                                         : cast<WhileStmt>(T)->getBody();
      std::set<const ValueDecl *> Containers;
      for (const ValueDecl *D : Followed)
        if (isThreadContainer(D->getType()))
          Containers.insert(D);
      ElementJoinFinder Finder(Containers);
      Finder.TraverseStmt(const_cast<Stmt *>(Body));
      if (!Finder.Found)
        continue;
      M = {Finder.Found, nullptr};
    } else {
      continue;
    }
    // FIXME: a loop over part of the container counts as joining all of it.
    if (bodyJoinsEveryElement(B, M))
      JoinLoops[B] = M.Container;
  }
}

HandleState HandleFlow::run(HandleState Initial) {
  std::unique_ptr<CFG> Graph = buildLifetimeCFG(F, Context);
  if (!Graph)
    return {};
  Parents = std::make_unique<ParentMap>(F->getBody());
  findJoinLoops(*Graph);
  std::vector<HandleState> Entry(Graph->getNumBlockIDs());
  Initial.Reached = true;
  Entry[Graph->getEntry().getBlockID()] = Initial;
  PostOrderCFGView Order(Graph.get());
  // The may-sets only grow, so this terminates; the round limit guards
  // against pathological graphs.
  for (unsigned Round = 0; Round < 16; ++Round) {
    bool Changed = false;
    for (const CFGBlock *B : Order) {
      if (!Entry[B->getBlockID()].Reached)
        continue;
      HandleState State = Entry[B->getBlockID()];
      for (const CFGElement &E : *B)
        transfer(E, State);
      for (const CFGBlock *Succ : B->succs()) {
        if (!Succ)
          continue;
        HandleState Edge = State;
        transferEdge(B, Succ, Edge);
        Changed |= Entry[Succ->getBlockID()].join(Edge);
      }
    }
    if (!Changed)
      break;
  }
  return Entry[Graph->getExit().getBlockID()];
}

//===----------------------------------------------------------------------===//
// Where std::jthread can replace std::thread
//===----------------------------------------------------------------------===//

bool jthreadDeclared(ASTContext &Context) {
  if (!Context.getLangOpts().CPlusPlus20)
    return false;
  for (const Decl *D :
       Context.getTranslationUnitDecl()->lookup(&Context.Idents.get("std")))
    if (const auto *NS = dyn_cast<NamespaceDecl>(D))
      if (!NS->lookup(&Context.Idents.get("jthread")).empty())
        return true;
  return false;
}

/// Where 'thread' is spelled in a declared type, if it is spelled plainly.
SourceLocation threadNameLoc(TypeLoc TL, ASTContext &Context) {
  TL = TL.getUnqualifiedLoc();
  if (auto Elaborated = TL.getAs<ElaboratedTypeLoc>())
    TL = Elaborated.getNamedTypeLoc();
  auto Record = TL.getAs<RecordTypeLoc>();
  if (!Record)
    return {};
  SourceLocation Loc = Record.getNameLoc();
  const SourceManager &SM = Context.getSourceManager();
  if (Loc.isInvalid() || Loc.isMacroID())
    return {};
  bool Invalid = false;
  const char *Text = SM.getCharacterData(Loc, &Invalid);
  if (Invalid || StringRef(Text).substr(0, 6) != "thread")
    return {};
  return Loc;
}

/// Uses of a local or member that still compile with std::jthread.
class JThreadUses : public RecursiveASTVisitor<JThreadUses> {
public:
  JThreadUses(const ValueDecl *Handle, ParentMap &PM)
      : Handle(Handle), PM(PM) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == Handle)
      check(E);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (E->getMemberDecl() == Handle)
      check(E);
    return true;
  }
  bool Compiles = true;

private:
  void check(const Expr *E) {
    const Stmt *P = PM.getParentIgnoreParenImpCasts(const_cast<Expr *>(E));
    const auto *ME = dyn_cast_or_null<MemberExpr>(P);
    const auto *MC =
        ME ? dyn_cast_or_null<CXXMemberCallExpr>(PM.getParent(ME)) : nullptr;
    if (!MC || !llvm::StringSwitch<bool>(methodName(MC))
                    .Cases("join", "detach", "joinable", "get_id", true)
                    .Default(false))
      Compiles = false;
  }
  const ValueDecl *Handle;
  ParentMap &PM;
};

bool usesCompileWithJThread(const ValueDecl *Handle, const Stmt *Body) {
  if (!Body)
    return true;
  ParentMap PM(const_cast<Stmt *>(Body));
  JThreadUses Uses(Handle, PM);
  Uses.TraverseStmt(const_cast<Stmt *>(Body));
  return Uses.Compiles;
}

//===----------------------------------------------------------------------===//
// Collection
//===----------------------------------------------------------------------===//

/// Every function body of the user's code, lambdas included, and every
/// class with a std::thread member.
class Collector : public RecursiveASTVisitor<Collector> {
public:
  explicit Collector(ASTContext &Context) : Context(Context) {}
  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isThisDeclarationADefinition() && FD->hasBody() &&
        !FD->isDependentContext() && inUserCode(FD->getLocation()))
      Functions.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    CXXMethodDecl *Call = L->getCallOperator();
    if (Call && Call->hasBody() && !Call->isDependentContext() &&
        inUserCode(Call->getLocation()))
      Functions.push_back(Call);
    return true;
  }
  bool VisitCXXRecordDecl(CXXRecordDecl *RD) {
    if (!RD->isThisDeclarationADefinition() || RD->isLambda() ||
        RD->isDependentContext() || !inUserCode(RD->getLocation()))
      return true;
    if (llvm::any_of(RD->fields(), [](const FieldDecl *Field) {
          return isHandleType(Field->getType());
        }))
      Records.push_back(RD);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  std::vector<const CXXRecordDecl *> Records;

private:
  bool inUserCode(SourceLocation Loc) const {
    return !Context.getSourceManager().isInSystemHeader(Loc);
  }
  ASTContext &Context;
};

/// Local handle variables of a function, with the statement declaring each.
class LocalHandles : public RecursiveASTVisitor<LocalHandles> {
public:
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitDeclStmt(DeclStmt *DS) {
    for (Decl *D : DS->decls())
      if (auto *Var = dyn_cast<VarDecl>(D);
          Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
          !Var->getType()->isReferenceType() && isHandleType(Var->getType()))
        Declared[Var] = DS;
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (isHandleType(E->getType()))
      Refs.push_back(E);
    return true;
  }
  std::map<const VarDecl *, const DeclStmt *> Declared;
  std::vector<const DeclRefExpr *> Refs;
};

/// Thread starts whose temporary dies at the end of their statement.
class DiscardedStarts : public RecursiveASTVisitor<DiscardedStarts> {
public:
  explicit DiscardedStarts(ParentMap &PM) : PM(PM) {}
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    if (!isThreadStart(E))
      return true;
    const Stmt *P = PM.getParent(E);
    while (P &&
           (isa<ImplicitCastExpr>(P) || isa<MaterializeTemporaryExpr>(P) ||
            isa<CXXBindTemporaryExpr>(P) || isa<CXXFunctionalCastExpr>(P) ||
            isa<ParenExpr>(P) || isa<ExprWithCleanups>(P)))
      P = PM.getParent(P);
    if (P && !isa<Expr>(P) && !isa<DeclStmt>(P) && !isa<ReturnStmt>(P))
      Found.push_back(E);
    return true;
  }
  std::vector<const CXXConstructExpr *> Found;

private:
  ParentMap &PM;
};

/// pthread_join and pthread_detach anywhere in the TU, by handle.
class PthreadReleases : public RecursiveASTVisitor<PthreadReleases> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if ((isCLibraryCall(Call, "pthread_join") ||
         isCLibraryCall(Call, "pthread_detach")) &&
        Call->getNumArgs() >= 1)
      if (const Decl *Key = objectKey(Call->getArg(0)))
        Released.insert(Key);
    return true;
  }
  llvm::DenseSet<const Decl *> Released;
};

/// Whether a thread detaches itself: pthread_detach(pthread_self()).
class SelfDetach : public RecursiveASTVisitor<SelfDetach> {
public:
  bool VisitCallExpr(CallExpr *Call) {
    if (isCLibraryCall(Call, "pthread_detach") && Call->getNumArgs() == 1)
      if (const auto *Self =
              dyn_cast<CallExpr>(Call->getArg(0)->IgnoreParenImpCasts()))
        Found |= isCLibraryCall(Self, "pthread_self");
    return true;
  }
  bool Found = false;
};

/// Whether a local pthread_t is used other than to create, join or detach
/// its thread (copied, handed to a helper): then it may be joined elsewhere.
class PthreadHandleUses : public RecursiveASTVisitor<PthreadHandleUses> {
public:
  PthreadHandleUses(const VarDecl *Handle, ParentMap &PM)
      : Handle(Handle), PM(PM) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() != Handle)
      return true;
    const Stmt *P = PM.getParent(E);
    while (P && (isa<ImplicitCastExpr>(P) || isa<ParenExpr>(P) ||
                 isa<ArraySubscriptExpr>(P) ||
                 (isa<UnaryOperator>(P) &&
                  cast<UnaryOperator>(P)->getOpcode() == UO_AddrOf)))
      P = PM.getParent(P);
    const auto *Call = dyn_cast_or_null<CallExpr>(P);
    if (!Call || !(isCLibraryCall(Call, "pthread_create") ||
                   isCLibraryCall(Call, "pthread_join") ||
                   isCLibraryCall(Call, "pthread_detach")))
      Escapes = true;
    return true;
  }
  bool Escapes = false;

private:
  const VarDecl *Handle;
  ParentMap &PM;
};

bool pthreadHandleEscapes(const VarDecl *Handle, const FunctionDecl *F) {
  if (!Handle->hasLocalStorage())
    return false;
  ParentMap PM(F->getBody());
  PthreadHandleUses Uses(Handle, PM);
  Uses.TraverseStmt(F->getBody());
  return Uses.Escapes;
}

class JoinableChecker {
public:
  JoinableChecker(ASTContext &Context, std::vector<JoinableFinding> &Out)
      : Context(Context), Out(Out), JThread(jthreadDeclared(Context)) {}

  void checkLocals(const FunctionDecl *F);
  void checkTemporaries(const FunctionDecl *F);
  void checkPthreads(const FunctionDecl *F,
                     const llvm::DenseSet<const Decl *> &Released);
  void checkMembers(const CXXRecordDecl *RD);

private:
  ASTContext &Context;
  std::vector<JoinableFinding> &Out;
  bool JThread;
};

void JoinableChecker::checkLocals(const FunctionDecl *F) {
  LocalHandles Handles;
  Handles.TraverseStmt(F->getBody());
  if (Handles.Declared.empty())
    return;
  ParentMap PM(F->getBody());
  std::set<const ValueDecl *> Escaped;
  for (const DeclRefExpr *Ref : Handles.Refs)
    if (!isUnderstoodUse(Ref, PM))
      Escaped.insert(Ref->getDecl());
  std::set<const ValueDecl *> Followed;
  for (const auto &[Var, DS] : Handles.Declared)
    if (!Escaped.count(Var))
      Followed.insert(Var);
  if (Followed.empty())
    return;

  HandleFlow Flow(Context, F, Followed, false);
  for (const auto &[Var, DS] : Handles.Declared)
    Flow.DeclaredBy[Var] = DS;
  HandleState Initial;
  Flow.run(Initial);

  for (const auto &[Start, Losses] : Flow.Losses) {
    const auto *Var = cast<VarDecl>(Losses.front().Handle);
    bool Container = isThreadContainer(Var->getType());
    JoinableFinding Lost{Container ? JoinableKind::Container
                                   : JoinableKind::Local,
                         Start->getBeginLoc(),
                         Var->getNameAsString(),
                         F,
                         {},
                         nullptr,
                         {}};
    for (const Loss &L : Losses) {
      if (!L.Assigned) {
        Lost.Exits.push_back(L.Exit);
        continue;
      }
      JoinableFinding Assigned = Lost;
      Assigned.Kind = JoinableKind::Assigned;
      Assigned.Exits = {L.Exit};
      Out.push_back(std::move(Assigned));
    }
    if (Lost.Exits.empty())
      continue;
    if (JThread && !Container && isa<CXXConstructExpr>(Start) &&
        Var->getInit() && skipWrappers(Var->getInit()) == Start &&
        usesCompileWithJThread(Var, F->getBody()))
      Lost.JThreadFixLoc =
          threadNameLoc(Var->getTypeSourceInfo()->getTypeLoc(), Context);
    Out.push_back(std::move(Lost));
  }
}

void JoinableChecker::checkTemporaries(const FunctionDecl *F) {
  ParentMap PM(F->getBody());
  DiscardedStarts Starts(PM);
  Starts.TraverseStmt(F->getBody());
  for (const CXXConstructExpr *E : Starts.Found)
    Out.push_back({JoinableKind::Temporary,
                   E->getBeginLoc(),
                   {},
                   F,
                   {{ExitKind::ScopeEnd, E->getEndLoc(), {}}},
                   nullptr,
                   {}});
}

void JoinableChecker::checkPthreads(
    const FunctionDecl *F, const llvm::DenseSet<const Decl *> &Released) {
  std::unique_ptr<CFG> Graph = buildLifetimeCFG(F, Context);
  if (!Graph)
    return;
  for (const CFGBlock *B : *Graph) {
    for (unsigned I = 0; I < B->size(); ++I) {
      auto Element = (*B)[I].getAs<CFGStmt>();
      if (!Element)
        continue;
      const auto *Create = dyn_cast<CallExpr>(Element->getStmt());
      std::optional<ThreadStartCall> Start =
          Create ? classifyThreadStart(Create) : std::nullopt;
      if (!Start || Start->Kind != StartKind::PthreadCreate)
        continue;
      const auto *Handle =
          dyn_cast_or_null<VarDecl>(objectKey(Start->HandleOut));
      if (!Handle || Released.contains(Handle) ||
          detachedAttributeSet(Start->Attr, F, Context) ||
          pthreadHandleEscapes(Handle, F))
        continue;
      if (Start->Entry && Start->Entry->hasBody()) {
        SelfDetach Self;
        Self.TraverseStmt(Start->Entry->getBody());
        if (Self.Found)
          continue;
      }
      // FIXME: a handle copied elsewhere (a struct, a helper's argument) may
      // be joined there; only a handle never released anywhere is reported.
      LostAt End{ExitKind::ScopeEnd, {}, {}};
      if (Handle->hasLocalStorage())
        if (const auto *Body = dyn_cast<CompoundStmt>(F->getBody()))
          End.Loc = Body->getRBracLoc();
      JoinableFinding Leak{JoinableKind::PthreadLeak,
                           Create->getBeginLoc(),
                           Handle->getNameAsString(),
                           F,
                           {},
                           nullptr,
                           {}};
      if (End.Loc.isValid())
        Leak.Exits.push_back(End);
      Out.push_back(std::move(Leak));
    }
  }
}

/// Where a member handle is made joinable: in a constructor's initializer
/// or by an assignment or insertion in any member function.
class MemberStarts : public RecursiveASTVisitor<MemberStarts> {
public:
  explicit MemberStarts(const FieldDecl *Field) : Field(Field) {}
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        directKey(Op->getArg(0)) == Field)
      add(skipWrappers(Op->getArg(1)));
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (MC->getImplicitObjectArgument() &&
        directKey(MC->getImplicitObjectArgument()) == Field &&
        isInsertion(methodName(MC)))
      add(MC);
    return true;
  }
  void add(const Stmt *S) {
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S);
        Construct && !isThreadStart(Construct) && Construct->getNumArgs() == 0)
      return;
    Starts.push_back(S);
  }
  const FieldDecl *Field;
  std::vector<const Stmt *> Starts;
};

/// Whether a method joins or detaches a member, on some path.
class MemberJoins : public RecursiveASTVisitor<MemberJoins> {
public:
  explicit MemberJoins(const ValueDecl *Field) : Field(Field) {}
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *MC) {
    if (isJoinOrDetach(MC) &&
        objectKey(MC->getImplicitObjectArgument()) == Field)
      Found = true;
    return true;
  }
  const ValueDecl *Field;
  bool Found = false;
};

bool joinsMember(const CXXMethodDecl *MD, const ValueDecl *Field) {
  if (!MD->hasBody())
    return false;
  MemberJoins Joins(Field);
  Joins.TraverseStmt(MD->getBody());
  return Joins.Found;
}

void JoinableChecker::checkMembers(const CXXRecordDecl *RD) {
  const SourceManager &SM = Context.getSourceManager();
  const FieldDecl *Last = nullptr;
  for (const FieldDecl *Field : RD->fields())
    Last = Field;
  for (const FieldDecl *Field : RD->fields()) {
    if (!isHandleType(Field->getType()))
      continue;
    MemberStarts Starts(Field);
    bool InitOnly = true;
    for (const CXXMethodDecl *MD : RD->methods()) {
      if (!MD->hasBody())
        continue;
      if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(MD))
        for (const CXXCtorInitializer *Init : Ctor->inits())
          if (Init->getMember() == Field && Init->isWritten())
            Starts.add(skipWrappers(Init->getInit()));
      size_t Before = Starts.Starts.size();
      Starts.TraverseStmt(MD->getBody());
      InitOnly &= Starts.Starts.size() == Before;
    }
    if (Starts.Starts.empty())
      continue;
    const Stmt *First = *llvm::min_element(Starts.Starts, [&](const Stmt *A,
                                                              const Stmt *B) {
      return SM.isBeforeInTranslationUnit(A->getBeginLoc(), B->getBeginLoc());
    });
    JoinableFinding Lost{JoinableKind::Member,
                         First->getBeginLoc(),
                         Field->getNameAsString(),
                         nullptr,
                         {},
                         RD,
                         {}};
    const CXXDestructorDecl *Dtor = RD->getDestructor();
    if (Dtor && Dtor->isUserProvided() && Dtor->hasBody()) {
      HandleFlow Flow(Context, Dtor->getDefinition(), {Field}, true);
      HandleState Initial;
      Initial.Joinable[Field].insert(First);
      HandleState AtExit = Flow.run(Initial);
      if (!AtExit.Reached || !AtExit.joinable(Field))
        continue;
      Lost.Owner = Dtor;
      Lost.Function = Dtor;
      if (const auto *Body = dyn_cast<CompoundStmt>(Dtor->getBody()))
        Lost.Exits.push_back({ExitKind::ScopeEnd, Body->getRBracLoc(), {}});
    } else if (llvm::any_of(RD->methods(), [&](const CXXMethodDecl *MD) {
                 return joinsMember(MD, Field);
               })) {
      // FIXME: a class that leaves joining to its users through a method
      // (a thin thread wrapper) is not followed into their code.
      continue;
    }
    // std::jthread joins in its own destructor; as the last member it is
    // destroyed first, while the members its thread may use still live.
    bool AllStarts = llvm::all_of(
        Starts.Starts, [](const Stmt *S) { return isThreadStart(S); });
    if (JThread && Field == Last && InitOnly && AllStarts &&
        isStdThread(Field->getType()) &&
        llvm::all_of(RD->methods(), [&](const CXXMethodDecl *MD) {
          return usesCompileWithJThread(Field, MD->getBody());
        }))
      Lost.JThreadFixLoc =
          threadNameLoc(Field->getTypeSourceInfo()->getTypeLoc(), Context);
    Out.push_back(std::move(Lost));
  }
}

} // namespace

std::vector<JoinableFinding> findJoinableThreads(const ProgramModel &Model) {
  ASTContext &Context = Model.Context;
  Collector Collect(Context);
  Collect.TraverseDecl(Context.getTranslationUnitDecl());
  PthreadReleases Releases;
  Releases.TraverseDecl(Context.getTranslationUnitDecl());

  std::vector<JoinableFinding> Findings;
  JoinableChecker Checker(Context, Findings);
  bool CPlusPlus = Context.getLangOpts().CPlusPlus;
  for (const FunctionDecl *F : Collect.Functions) {
    if (CPlusPlus) {
      Checker.checkLocals(F);
      Checker.checkTemporaries(F);
    }
    Checker.checkPthreads(F, Releases.Released);
  }
  for (const CXXRecordDecl *RD : Collect.Records)
    Checker.checkMembers(RD);
  return Findings;
}

} // namespace racelint
