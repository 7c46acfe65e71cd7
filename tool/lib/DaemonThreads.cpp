//===--- DaemonThreads.cpp - Detached threads cut off at program end ------===//
//
// For every thread main's own thread detaches (or creates detached), the
// starter's CFG is searched forward from the detach, through the callers
// of a helper that detaches, for a program end that no wait guards. A wait
// guards only if the thread releases it after all of its work at risk: the
// thread's side is one walk of its entry's CFG that records the work at
// risk, the signals, and the work still reachable after each signal.
//
//===----------------------------------------------------------------------===//
#include "ThreadLifetimes.h"

#include "LockModel.h"
#include "ThreadModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSwitch.h"

#include <deque>
#include <map>
#include <set>

using namespace clang;

namespace racelint {

namespace {

//===----------------------------------------------------------------------===//
// Waits and signals
//===----------------------------------------------------------------------===//

enum class SyncKind {
  Future,         // future get/wait  <-  promise set
  Latch,          // latch wait       <-  count_down
  Barrier,        // barrier wait     <-  arrive
  Semaphore,      // sem_wait/acquire <-  sem_post/release
  PthreadBarrier, // pthread_barrier_wait on both sides
  Notify,         // a bare condition variable wait  <-  notify
  Flag,           // a predicate or a loop on flags  <-  their write
};

struct Wait {
  SyncKind Kind;
  const Decl *Key = nullptr;
  /// Flag: the variables and fields whose change releases the wait.
  llvm::SmallVector<const Decl *, 2> Flags;
};

struct Signal {
  SyncKind Kind;
  const Decl *Key = nullptr;
  const Stmt *Where = nullptr;
  /// set_value_at_thread_exit: released after all of the thread's work.
  bool AtThreadExit = false;
  /// Work at risk still reachable after the signal (indices into Items).
  std::set<unsigned> After;
};

/// Variables and fields an expression reads.
class FlagCollector : public RecursiveASTVisitor<FlagCollector> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (isa<VarDecl>(E->getDecl()))
      add(E->getDecl());
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (isa<FieldDecl>(E->getMemberDecl()) || isa<VarDecl>(E->getMemberDecl()))
      add(E->getMemberDecl());
    return true;
  }
  void add(const Decl *D) {
    if (llvm::find(Flags, D) == Flags.end())
      Flags.push_back(D);
  }
  llvm::SmallVector<const Decl *, 2> Flags;
};

static llvm::SmallVector<const Decl *, 2> flagsRead(const Stmt *S) {
  FlagCollector Collector;
  const auto *E = dyn_cast<Expr>(S);
  if (const auto *Lambda =
          dyn_cast_or_null<LambdaExpr>(E ? E->IgnoreImplicit() : nullptr))
    Collector.TraverseStmt(Lambda->getBody());
  else
    Collector.TraverseStmt(const_cast<Stmt *>(S));
  return Collector.Flags;
}

/// The std class of a method call's object as written: future<T>::wait is
/// declared in a base class the object is converted to.
static StringRef objectClass(const CXXMemberCallExpr *MC) {
  const Expr *Object = MC->getImplicitObjectArgument();
  if (!Object)
    return {};
  QualType T = Object->IgnoreParenImpCasts()->getType();
  if (T->isPointerType())
    T = T->getPointeeType();
  return stdTypeName(T);
}

static std::optional<Wait> classifyWait(const Stmt *S) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return std::nullopt;
    StringRef Class = objectClass(MC);
    StringRef Name = MD->getName();
    const Decl *Key = objectKey(MC->getImplicitObjectArgument());
    if ((Class == "future" || Class == "shared_future") &&
        (Name == "get" || Name == "wait"))
      return Wait{SyncKind::Future, Key, {}};
    if (Class == "latch" && (Name == "wait" || Name == "arrive_and_wait"))
      return Wait{SyncKind::Latch, Key, {}};
    if (Class == "barrier" && (Name == "wait" || Name == "arrive_and_wait"))
      return Wait{SyncKind::Barrier, Key, {}};
    if (Class == "counting_semaphore" && Name == "acquire")
      return Wait{SyncKind::Semaphore, Key, {}};
    if ((Class == "condition_variable" || Class == "condition_variable_any") &&
        Name == "wait") {
      if (MC->getNumArgs() >= 2)
        return Wait{SyncKind::Flag, Key, flagsRead(MC->getArg(1))};
      return Wait{SyncKind::Notify, Key, {}};
    }
    return std::nullopt;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || Call->getNumArgs() < 1)
    return std::nullopt;
  const Decl *Key = objectKey(Call->getArg(0));
  if (isCLibraryCall(Call, "sem_wait"))
    return Wait{SyncKind::Semaphore, Key, {}};
  if (isCLibraryCall(Call, "pthread_barrier_wait"))
    return Wait{SyncKind::PthreadBarrier, Key, {}};
  if (isCLibraryCall(Call, "pthread_cond_wait"))
    return Wait{SyncKind::Notify, Key, {}};
  return std::nullopt;
}

/// A loop whose condition reads flags: waiting until someone changes them.
static std::optional<Wait> loopWait(const CFGBlock *B) {
  const Stmt *T = B->getTerminatorStmt();
  if (!T || !(isa<WhileStmt>(T) || isa<ForStmt>(T) || isa<DoStmt>(T)))
    return std::nullopt;
  const Stmt *Cond = B->getTerminatorCondition();
  if (!Cond)
    return std::nullopt;
  Wait W{SyncKind::Flag, nullptr, flagsRead(Cond)};
  if (W.Flags.empty())
    return std::nullopt;
  return W;
}

static bool isAtomicObject(QualType T) {
  StringRef Name = stdTypeName(T);
  return Name == "atomic" || Name == "atomic_flag" || Name == "atomic_ref" ||
         T->isAtomicType();
}

static std::optional<Signal> classifySignal(const Stmt *S) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (!MD || !MD->getIdentifier())
      return std::nullopt;
    QualType ObjectType = MC->getObjectType();
    StringRef Class = objectClass(MC);
    StringRef Name = MD->getName();
    const Decl *Key = objectKey(MC->getImplicitObjectArgument());
    if (Class == "promise") {
      if (Name == "set_value" || Name == "set_exception")
        return Signal{SyncKind::Future, Key, S, false, {}};
      if (Name == "set_value_at_thread_exit" ||
          Name == "set_exception_at_thread_exit")
        return Signal{SyncKind::Future, Key, S, true, {}};
    }
    if (Class == "latch" && (Name == "count_down" || Name == "arrive_and_wait"))
      return Signal{SyncKind::Latch, Key, S, false, {}};
    if (Class == "barrier" && (Name == "arrive" || Name == "arrive_and_wait" ||
                               Name == "arrive_and_drop"))
      return Signal{SyncKind::Barrier, Key, S, false, {}};
    if (Class == "counting_semaphore" && Name == "release")
      return Signal{SyncKind::Semaphore, Key, S, false, {}};
    if ((Class == "condition_variable" || Class == "condition_variable_any") &&
        (Name == "notify_one" || Name == "notify_all"))
      return Signal{SyncKind::Notify, Key, S, false, {}};
    if (isAtomicObject(ObjectType) && Name != "load" && Name != "wait" &&
        Name != "test" && !MD->isConst())
      return Signal{SyncKind::Flag, Key, S, false, {}};
    return std::nullopt;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    if (Op->getNumArgs() >= 1 && isAtomicObject(Op->getArg(0)->getType()) &&
        (Op->isAssignmentOp() || Op->getOperator() == OO_PlusPlus ||
         Op->getOperator() == OO_MinusMinus))
      return Signal{SyncKind::Flag, objectKey(Op->getArg(0)), S, false, {}};
    return std::nullopt;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp())
      return Signal{SyncKind::Flag, objectKey(B->getLHS()), S, false, {}};
    return std::nullopt;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->isIncrementDecrementOp())
      return Signal{SyncKind::Flag, objectKey(U->getSubExpr()), S, false, {}};
    return std::nullopt;
  }
  const auto *Call = dyn_cast<CallExpr>(S);
  if (!Call || Call->getNumArgs() < 1)
    return std::nullopt;
  const Decl *Key = objectKey(Call->getArg(0));
  if (isCLibraryCall(Call, "sem_post"))
    return Signal{SyncKind::Semaphore, Key, S, false, {}};
  if (isCLibraryCall(Call, "pthread_barrier_wait"))
    return Signal{SyncKind::PthreadBarrier, Key, S, false, {}};
  if (isCLibraryCall(Call, "pthread_cond_signal") ||
      isCLibraryCall(Call, "pthread_cond_broadcast"))
    return Signal{SyncKind::Notify, Key, S, false, {}};
  return std::nullopt;
}

/// Whether two keys may name the same object: two different named
/// variables (or two different fields) never do; a parameter may be bound
/// to anything.
static bool mayBeSameObject(const Decl *A, const Decl *B) {
  if (A == B)
    return true;
  auto Named = [](const Decl *D) {
    const auto *Var = dyn_cast_or_null<VarDecl>(D);
    return isa_and_nonnull<FieldDecl>(D) || (Var && !isa<ParmVarDecl>(Var));
  };
  if (!Named(A) || !Named(B))
    return true;
  // FIXME: a variable and a field can be one object reached through a
  // pointer; they are assumed to be.
  return isa<FieldDecl>(A) != isa<FieldDecl>(B);
}

static bool releases(const Signal &S, const Wait &W) {
  switch (W.Kind) {
  case SyncKind::Future:
    // The promise and the future are different objects.
    return S.Kind == SyncKind::Future;
  case SyncKind::Flag:
    return S.Kind == SyncKind::Flag &&
           llvm::any_of(W.Flags, [&](const Decl *D) {
             return mayBeSameObject(D, S.Key);
           });
  case SyncKind::Latch:
  case SyncKind::Barrier:
  case SyncKind::Semaphore:
  case SyncKind::PthreadBarrier:
  case SyncKind::Notify:
    return S.Kind == W.Kind && mayBeSameObject(W.Key, S.Key);
  }
  llvm_unreachable("unknown sync kind");
}

//===----------------------------------------------------------------------===//
// The thread's side: work at risk and signals
//===----------------------------------------------------------------------===//

static bool isSleepCall(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return false;
  std::string Name = FD->getQualifiedNameAsString();
  if (Name == "std::this_thread::sleep_for" ||
      Name == "std::this_thread::sleep_until")
    return true;
  return isCLibraryCall(Call, "sleep") || isCLibraryCall(Call, "usleep") ||
         isCLibraryCall(Call, "nanosleep") ||
         isCLibraryCall(Call, "clock_nanosleep");
}

/// exit() and friends: the end of the program wherever they are called.
static bool isExitCall(const CallExpr *Call) {
  return isCLibraryCall(Call, "exit") || isCLibraryCall(Call, "quick_exit") ||
         isCLibraryCall(Call, "_Exit") || isCLibraryCall(Call, "_exit");
}

static bool isOutputFunction(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getIdentifier())
    return false;
  if (FD->isInStdNamespace() &&
      (FD->getName() == "print" || FD->getName() == "println"))
    return true;
  static const char *const Names[] = {
      "printf",   "puts",    "fputs",  "fprintf",         "putchar",
      "putc",     "fputc",   "fwrite", "perror",          "vprintf",
      "vfprintf", "dprintf", "write",  "putchar_unlocked"};
  for (const char *Name : Names)
    if (isCLibraryCall(Call, Name))
      return true;
  return false;
}

static const StringLiteral *firstStringLiteral(const Stmt *S) {
  if (!S)
    return nullptr;
  if (const auto *L = dyn_cast<StringLiteral>(S))
    return L;
  if (isa<LambdaExpr>(S))
    return nullptr;
  for (const Stmt *Child : S->children())
    if (const StringLiteral *L = firstStringLiteral(Child))
      return L;
  return nullptr;
}

static bool isOStream(QualType T) {
  const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  if (RD->isInStdNamespace() && RD->getIdentifier() &&
      RD->getName() == "basic_ostream")
    return true;
  return llvm::any_of(RD->bases(), [](const CXXBaseSpecifier &Base) {
    return isOStream(Base.getType());
  });
}

static const CXXOperatorCallExpr *asShift(const Stmt *S) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return nullptr;
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E->IgnoreParenImpCasts());
  if (Op && Op->getOperator() == OO_LessLess && Op->getNumArgs() == 2)
    return Op;
  return nullptr;
}

/// The standard streams are never destroyed: using them at exit is safe.
static bool isStandardStream(const VarDecl *Var) {
  if (!Var->isInStdNamespace() || !Var->getIdentifier())
    return false;
  return llvm::StringSwitch<bool>(Var->getName())
      .Cases("cout", "cerr", "clog", "cin", true)
      .Cases("wcout", "wcerr", "wclog", "wcin", true)
      .Default(false);
}

static bool hasNonTrivialDestructor(QualType T) {
  T = T.getNonReferenceType();
  while (const auto *Array = T->getAsArrayTypeUnsafe())
    T = Array->getElementType();
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() && !RD->hasTrivialDestructor();
}

/// The global variable an lvalue lives in ('g.x', 'g[i]'), or null.
static const VarDecl *globalRoot(const Expr *E) {
  for (unsigned Guard = 0; E && Guard < 32; ++Guard) {
    E = E->IgnoreParenImpCasts();
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *Var = dyn_cast<VarDecl>(DRE->getDecl());
      if (Var && Var->hasGlobalStorage() && !Var->getTLSKind() &&
          !Var->getType().isConstQualified())
        return Var;
      return nullptr;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (ME->isArrow())
        return nullptr;
      if (const auto *Var = dyn_cast<VarDecl>(ME->getMemberDecl()))
        return Var->getTLSKind() ? nullptr : Var; // A static data member.
      E = ME->getBase();
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      if (!AS->getBase()->IgnoreParenImpCasts()->getType()->isArrayType())
        return nullptr;
      E = AS->getBase();
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
        Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2) {
      E = Op->getArg(0);
      continue;
    }
    return nullptr;
  }
  return nullptr;
}

/// What one thread entry does, seen from the end of the program.
struct ThreadWork {
  bool Endless = false;
  std::vector<RiskItem> Items;
  std::vector<Signal> Signals;
};

/// An element's effects, in the order the thread performs them.
struct WorkEvent {
  llvm::SmallVector<unsigned, 2> Items;
  llvm::SmallVector<unsigned, 1> Signals;
};

class WorkBuilder {
public:
  explicit WorkBuilder(ASTContext &Context) : Context(Context) {}

  /// The work of \p F; \p AsEntry when a thread starts in it (only then do
  /// its by-reference captures belong to the starter).
  const ThreadWork *get(const FunctionDecl *F, bool AsEntry);

private:
  void build(const FunctionDecl *F, bool AsEntry, ThreadWork &W);
  void classify(const Stmt *S, const FunctionDecl *F, bool AsEntry,
                ThreadWork &W, WorkEvent &Event);
  void addItem(ThreadWork &W, WorkEvent &Event, RiskItem Item) {
    Event.Items.push_back(W.Items.size());
    W.Items.push_back(std::move(Item));
  }
  std::string outputText(const Expr *E) const;

  ASTContext &Context;
  std::map<std::pair<const FunctionDecl *, bool>, std::unique_ptr<ThreadWork>>
      Cache;
  llvm::DenseSet<const FunctionDecl *> InProgress;
  /// operator<< calls that are the left operand of another.
  llvm::DenseSet<const Stmt *> InnerShifts;
};

const ThreadWork *WorkBuilder::get(const FunctionDecl *F, bool AsEntry) {
  if (!F)
    return nullptr;
  if (const FunctionDecl *Def = F->getDefinition())
    F = Def;
  if (!F->hasBody() ||
      Context.getSourceManager().isInSystemHeader(F->getLocation()))
    return nullptr;
  auto Key = std::make_pair(F, AsEntry);
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second.get();
  // Recursion, or a call chain deeper than the work is worth following.
  if (InProgress.contains(F) || InProgress.size() >= 8)
    return nullptr;
  InProgress.insert(F);
  auto W = std::make_unique<ThreadWork>();
  build(F, AsEntry, *W);
  InProgress.erase(F);
  return (Cache[Key] = std::move(W)).get();
}

std::string WorkBuilder::outputText(const Expr *E) const {
  // A stream chain: the literals of every operand, in order.
  if (const CXXOperatorCallExpr *Shift = asShift(E)) {
    llvm::SmallVector<const Expr *, 4> Operands;
    while (Shift) {
      Operands.push_back(Shift->getArg(1));
      const Expr *Left = Shift->getArg(0);
      Shift = asShift(Left);
    }
    std::string Text;
    for (const Expr *Operand : llvm::reverse(Operands))
      if (const auto *L =
              dyn_cast<StringLiteral>(Operand->IgnoreParenImpCasts()))
        Text += L->getString().str();
    return Text;
  }
  if (const StringLiteral *L = firstStringLiteral(E))
    return L->getString().str();
  return {};
}

void WorkBuilder::classify(const Stmt *S, const FunctionDecl *F, bool AsEntry,
                           ThreadWork &W, WorkEvent &Event) {
  if (std::optional<Signal> Sig = classifySignal(S)) {
    Event.Signals.push_back(W.Signals.size());
    W.Signals.push_back(std::move(*Sig));
  }
  if (const auto *Call = dyn_cast<CallExpr>(S)) {
    if (classifyThreadStart(Call))
      return; // The new thread's work is its own.
    if (isOutputFunction(Call)) {
      addItem(W, Event,
              {RiskKind::Output, Call->getBeginLoc(), outputText(Call), {}});
      return;
    }
    if (const auto *Shift = asShift(Call)) {
      if (!InnerShifts.contains(Shift) &&
          isOStream(Shift->getArg(0)->getType()))
        addItem(
            W, Event,
            {RiskKind::Output, Shift->getBeginLoc(), outputText(Shift), {}});
      return;
    }
    const Expr *Target = nullptr;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      const CXXMethodDecl *MD = MC->getMethodDecl();
      if (MD && !MD->isConst())
        Target = MC->getImplicitObjectArgument();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
               Op && Op->isAssignmentOp() && Op->getNumArgs() >= 1) {
      Target = Op->getArg(0);
    }
    if (Target)
      if (const VarDecl *Var = globalRoot(Target);
          Var && !hasNonTrivialDestructor(Var->getType()))
        addItem(W, Event,
                {RiskKind::GlobalWrite,
                 Call->getExprLoc(),
                 Var->getNameAsString(),
                 {}});
    // The callee's work, done at this call.
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (const ThreadWork *Inner = Callee ? get(Callee, false) : nullptr) {
      unsigned FirstItem = W.Items.size();
      for (const RiskItem &Item : Inner->Items)
        addItem(W, Event, Item);
      for (const Signal &Sig : Inner->Signals) {
        Signal Copy = Sig;
        Copy.After.clear();
        for (unsigned I : Sig.After)
          Copy.After.insert(FirstItem + I);
        Event.Signals.push_back(W.Signals.size());
        W.Signals.push_back(std::move(Copy));
      }
    }
    return;
  }
  if (const auto *B = dyn_cast<BinaryOperator>(S)) {
    if (B->isAssignmentOp())
      if (const VarDecl *Var = globalRoot(B->getLHS()))
        addItem(W, Event,
                {RiskKind::GlobalWrite,
                 B->getExprLoc(),
                 Var->getNameAsString(),
                 {}});
    return;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->isIncrementDecrementOp())
      if (const VarDecl *Var = globalRoot(U->getSubExpr()))
        addItem(W, Event,
                {RiskKind::GlobalWrite,
                 U->getExprLoc(),
                 Var->getNameAsString(),
                 {}});
    return;
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(S);
  const auto *Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!Var)
    return;
  // Mutexes, condition variables and atomics are the handshake itself:
  // the wait that released main synchronizes with their last use.
  if (isSynchronizationType(Var->getType()))
    return;
  if (Var->hasGlobalStorage() && !Var->getTLSKind() &&
      hasNonTrivialDestructor(Var->getType()) && !isStandardStream(Var)) {
    PrintingPolicy Policy(Context.getLangOpts());
    Policy.SuppressTagKeyword = true;
    addItem(W, Event,
            {RiskKind::StaticObject, DRE->getLocation(), Var->getNameAsString(),
             Var->getType().getUnqualifiedType().getAsString(Policy)});
    return;
  }
  // A local of the starter captured by reference by the thread's lambda.
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  if (!AsEntry || !Method || !Method->getParent()->isLambda() ||
      !Var->hasLocalStorage() || !DRE->refersToEnclosingVariableOrCapture())
    return;
  for (const LambdaCapture &C : Method->getParent()->captures())
    if (C.capturesVariable() && C.getCapturedVar() == Var &&
        C.getCaptureKind() == LCK_ByRef) {
      const auto *Owner =
          dyn_cast_or_null<FunctionDecl>(Var->getParentFunctionOrMethod());
      addItem(W, Event,
              {RiskKind::StarterLocal, DRE->getLocation(),
               Var->getNameAsString(),
               Owner ? Owner->getNameAsString() : std::string()});
      return;
    }
}

void WorkBuilder::build(const FunctionDecl *F, bool AsEntry, ThreadWork &W) {
  std::unique_ptr<CFG> Graph = buildLifetimeCFG(F, Context);
  if (!Graph)
    return;
  for (const CFGBlock *B : *Graph)
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>())
        if (const CXXOperatorCallExpr *Shift = asShift(S->getStmt()))
          if (asShift(Shift->getArg(0)))
            InnerShifts.insert(asShift(Shift->getArg(0)));

  std::vector<std::vector<WorkEvent>> Events(Graph->getNumBlockIDs());
  for (const CFGBlock *B : *Graph) {
    for (const CFGElement &E : *B) {
      WorkEvent Event;
      if (auto S = E.getAs<CFGStmt>())
        classify(S->getStmt(), F, AsEntry, W, Event);
      Events[B->getBlockID()].push_back(std::move(Event));
    }
  }

  // An endless thread never returns: its exit is unreachable.
  llvm::DenseSet<const CFGBlock *> Reachable;
  std::vector<const CFGBlock *> Work{&Graph->getEntry()};
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    if (!Reachable.insert(B).second)
      continue;
    for (const CFGBlock *Succ : B->succs())
      if (Succ)
        Work.push_back(Succ);
  }
  W.Endless = !Reachable.contains(&Graph->getExit());

  // What is still reachable after each signal: the rest of its block, then
  // every block reachable from its successors.
  for (const CFGBlock *B : *Graph) {
    const std::vector<WorkEvent> &BlockEvents = Events[B->getBlockID()];
    for (unsigned I = 0; I < BlockEvents.size(); ++I) {
      if (BlockEvents[I].Signals.empty())
        continue;
      std::set<unsigned> After;
      for (unsigned J = I + 1; J < BlockEvents.size(); ++J)
        After.insert(BlockEvents[J].Items.begin(), BlockEvents[J].Items.end());
      llvm::DenseSet<const CFGBlock *> Seen;
      std::vector<const CFGBlock *> Next;
      for (const CFGBlock *Succ : B->succs())
        if (Succ)
          Next.push_back(Succ);
      while (!Next.empty()) {
        const CFGBlock *N = Next.back();
        Next.pop_back();
        if (!Seen.insert(N).second)
          continue;
        for (const WorkEvent &Event : Events[N->getBlockID()])
          After.insert(Event.Items.begin(), Event.Items.end());
        for (const CFGBlock *Succ : N->succs())
          if (Succ)
            Next.push_back(Succ);
      }
      for (unsigned SigIndex : BlockEvents[I].Signals)
        W.Signals[SigIndex].After.insert(After.begin(), After.end());
    }
  }
}

/// The work that counts: an endless thread is a daemon by design, so only
/// the static objects it uses matter; a finite one loses everything.
static bool counts(const ThreadWork &W, const RiskItem &Item) {
  return !W.Endless || Item.Kind == RiskKind::StaticObject;
}

static bool covers(const ThreadWork &W, const Signal &S) {
  if (S.AtThreadExit)
    return true;
  return llvm::none_of(S.After,
                       [&](unsigned I) { return counts(W, W.Items[I]); });
}

//===----------------------------------------------------------------------===//
// The starter's side: from the detach to the program end
//===----------------------------------------------------------------------===//

struct FunctionGraph {
  std::unique_ptr<CFG> Graph;
  llvm::DenseMap<const Stmt *, std::pair<const CFGBlock *, unsigned>> Position;
};

class GraphCache {
public:
  explicit GraphCache(ASTContext &Context) : Context(Context) {}

  const FunctionGraph *get(const FunctionDecl *F) {
    if (const FunctionDecl *Def = F->getDefinition())
      F = Def;
    auto &Slot = Graphs[F];
    if (Slot)
      return Slot->Graph ? Slot.get() : nullptr;
    Slot = std::make_unique<FunctionGraph>();
    Slot->Graph = buildLifetimeCFG(F, Context);
    if (!Slot->Graph)
      return nullptr;
    for (const CFGBlock *B : *Slot->Graph)
      for (unsigned I = 0; I < B->size(); ++I)
        if (auto S = (*B)[I].getAs<CFGStmt>())
          Slot->Position.try_emplace(S->getStmt(), B, I);
    return Slot.get();
  }

private:
  ASTContext &Context;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionGraph>> Graphs;
};

/// Call sites of every function, from the user's function bodies.
class CallerIndex : public RecursiveASTVisitor<CallerIndex> {
public:
  bool shouldVisitTemplateInstantiations() const { return true; }

  void index(const FunctionDecl *F) {
    Current = F;
    TraverseStmt(F->getBody());
  }
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      Callers[Callee->getCanonicalDecl()].push_back({Current, Call});
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *Construct) {
    Callers[Construct->getConstructor()->getCanonicalDecl()].push_back(
        {Current, Construct});
    return true;
  }

  llvm::DenseMap<const FunctionDecl *,
                 std::vector<std::pair<const FunctionDecl *, const Stmt *>>>
      Callers;

private:
  const FunctionDecl *Current = nullptr;
};

enum class WaitResult { None, Partial, Guards };

/// Searches forward from one point for a program end no wait guards.
class EndSearch {
public:
  EndSearch(ASTContext &Context, GraphCache &Graphs, const CallerIndex &Callers,
            WorkBuilder &Works, const ThreadWork &Work)
      : Context(Context), Graphs(Graphs), Callers(Callers), Works(Works),
        Work(Work) {}

  /// From just after \p From in \p F; returns whether an end was found.
  bool run(const FunctionDecl *F, const Stmt *From);

  ProgramEndKind End = ProgramEndKind::MainReturns;
  const Stmt *EndStmt = nullptr;
  SourceLocation EndLoc;
  const CallExpr *Sleep = nullptr;
  const Stmt *PartialWait = nullptr;
  const Signal *PartialSignal = nullptr;
  std::vector<const Signal *> PartialSignals;

private:
  struct Task {
    const FunctionDecl *F;
    const CFGBlock *B;
    unsigned From;
  };
  bool search(std::deque<Task> Work, bool FollowCallers);
  void noteEnd(ProgramEndKind Kind, const Stmt *S);
  WaitResult evaluate(const Wait &W, const Stmt *At);
  bool mustWait(const FunctionDecl *F);

  ASTContext &Context;
  GraphCache &Graphs;
  const CallerIndex &Callers;
  WorkBuilder &Works;
  const ThreadWork &Work;
  llvm::DenseMap<const FunctionDecl *, bool> MustWait;
  unsigned Depth = 0;
};

WaitResult EndSearch::evaluate(const Wait &W, const Stmt *At) {
  const Signal *Matched = nullptr;
  for (const Signal &S : Work.Signals) {
    if (!releases(S, W))
      continue;
    if (covers(Work, S))
      return WaitResult::Guards;
    if (!Matched)
      Matched = &S;
    if (llvm::find(PartialSignals, &S) == PartialSignals.end())
      PartialSignals.push_back(&S);
  }
  if (!Matched)
    return WaitResult::None;
  if (!PartialWait) {
    PartialWait = At;
    PartialSignal = Matched;
  }
  return WaitResult::Partial;
}

bool EndSearch::mustWait(const FunctionDecl *F) {
  if (const FunctionDecl *Def = F->getDefinition())
    F = Def;
  auto It = MustWait.find(F);
  if (It != MustWait.end())
    return It->second;
  constexpr unsigned MaxDepth = 6;
  if (Depth >= MaxDepth ||
      Context.getSourceManager().isInSystemHeader(F->getLocation()))
    return false;
  const FunctionGraph *G = Graphs.get(F);
  if (!G)
    return false;
  MustWait[F] = false; // Recursion: not known to wait.
  ++Depth;
  // Whatever the callee records is about its own paths, not the caller's.
  EndSearch Inner(Context, Graphs, Callers, Works, Work);
  Inner.Depth = Depth;
  bool Ends = Inner.search({{F, &G->Graph->getEntry(), 0}}, false);
  --Depth;
  return MustWait[F] = !Ends;
}

bool EndSearch::run(const FunctionDecl *F, const Stmt *From) {
  const FunctionGraph *G = Graphs.get(F);
  if (!G)
    return false;
  auto It = G->Position.find(From);
  if (It == G->Position.end())
    return false;
  return search({{F, It->second.first, It->second.second + 1}}, true);
}

bool EndSearch::search(std::deque<Task> Work, bool FollowCallers) {
  std::set<std::tuple<const FunctionDecl *, const CFGBlock *, unsigned>> Seen;
  while (!Work.empty()) {
    Task T = Work.front();
    Work.pop_front();
    if (!Seen.insert({T.F, T.B, T.From}).second)
      continue;
    const FunctionGraph *G = Graphs.get(T.F);
    const Stmt *Return = nullptr;
    bool Stopped = false;
    for (unsigned I = T.From; I < T.B->size() && !Stopped; ++I) {
      auto Element = (*T.B)[I].getAs<CFGStmt>();
      if (!Element)
        continue;
      const Stmt *S = Element->getStmt();
      if (isa<ReturnStmt>(S))
        Return = S;
      if (const auto *Call = dyn_cast<CallExpr>(S)) {
        if (isExitCall(Call)) {
          if (!FollowCallers)
            return true;
          noteEnd(ProgramEndKind::ExitCall, Call);
          Stopped = true;
          break;
        }
        if (isSleepCall(Call) && !Sleep)
          Sleep = Call;
      }
      if (std::optional<Wait> W = classifyWait(S)) {
        if (evaluate(*W, S) == WaitResult::Guards)
          Stopped = true;
        continue;
      }
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = Call->getDirectCallee();
            Callee && Callee->hasBody() && !classifyThreadStart(Call) &&
            mustWait(Callee))
          Stopped = true;
    }
    if (Stopped)
      continue;
    if (std::optional<Wait> W = loopWait(T.B))
      if (evaluate(*W, T.B->getTerminatorStmt()) == WaitResult::Guards)
        continue;
    // A throw or a call that never returns (abort, pthread_exit) is not a
    // normal end of the program.
    if (T.B->hasNoReturnElement() ||
        isa_and_nonnull<CXXThrowExpr>(T.B->getTerminatorStmt()))
      continue;
    for (const CFGBlock *Succ : T.B->succs()) {
      if (!Succ)
        continue;
      if (Succ != &G->Graph->getExit()) {
        Work.push_back({T.F, Succ, 0});
        continue;
      }
      if (!FollowCallers)
        return true;
      if (T.F->isMain()) {
        if (Return)
          noteEnd(ProgramEndKind::MainReturns, Return);
        else
          noteEnd(ProgramEndKind::MainEnds, T.F->getBody());
        continue;
      }
      auto CallersOf = Callers.Callers.find(T.F->getCanonicalDecl());
      if (CallersOf == Callers.Callers.end())
        continue;
      for (const auto &[Caller, Site] : CallersOf->second) {
        const FunctionGraph *CG = Graphs.get(Caller);
        if (!CG)
          continue;
        auto Pos = CG->Position.find(Site);
        if (Pos != CG->Position.end())
          Work.push_back({Caller, Pos->second.first, Pos->second.second + 1});
      }
    }
  }
  return EndStmt != nullptr;
}

void EndSearch::noteEnd(ProgramEndKind Kind, const Stmt *S) {
  // The last end in the source is the program's normal one; earlier ones
  // are error paths, which lose the thread's work just the same.
  SourceLocation Loc = S->getBeginLoc();
  if (Kind == ProgramEndKind::MainEnds)
    Loc = isa<CompoundStmt>(S) ? cast<CompoundStmt>(S)->getRBracLoc()
                               : S->getEndLoc();
  if (EndStmt &&
      !Context.getSourceManager().isBeforeInTranslationUnit(EndLoc, Loc))
    return;
  End = Kind;
  EndStmt = S;
  EndLoc = Loc;
}

const FunctionDecl *enclosingFunction(ASTContext &Context, const Stmt *S) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Guard = 0; Guard < 512; ++Guard) {
    DynTypedNodeList Parents = Context.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *FD = Node.get<FunctionDecl>())
      return FD;
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return Lambda->getCallOperator();
  }
  return nullptr;
}

struct DetachedThread {
  const Stmt *Where;   // the detach call, or pthread_create
  const Expr *Primary; // the detach call, or the attribute argument
  const CallExpr *AttributeSet = nullptr;
  const FunctionDecl *Entry;
};

} // namespace

std::vector<DaemonFinding> findDaemonThreads(const ProgramModel &Model) {
  ASTContext &Context = Model.Context;
  const auto &Contexts = Model.Threads.contexts();
  int MainContext = -1;
  for (unsigned I = 0; I < Contexts.size(); ++I)
    if (!Contexts[I].Site && Contexts[I].Entry && Contexts[I].Entry->isMain())
      MainContext = int(I);
  if (MainContext < 0)
    return {};

  // FIXME: a thread detached by another thread (not main's) is not followed.
  std::vector<DetachedThread> Detached;
  llvm::DenseSet<const Stmt *> Seen;
  for (const ResolvedDetach &D : Model.Threads.detaches()) {
    if (int(D.Context) != MainContext || !Contexts[D.Thread].Entry ||
        !Seen.insert(D.Source->Where).second)
      continue;
    Detached.push_back(
        {D.Source->Where, D.Source->Where, nullptr, Contexts[D.Thread].Entry});
  }
  for (const ThreadContext &C : Contexts) {
    if (C.Parent != MainContext || !C.Site || !C.Entry ||
        C.Site->Call.Kind != StartKind::PthreadCreate || !C.Site->Call.Attr ||
        Seen.contains(C.Site->Where))
      continue;
    const FunctionDecl *Starter = enclosingFunction(Context, C.Site->Where);
    if (const CallExpr *Set =
            detachedAttributeSet(C.Site->Call.Attr, Starter, Context)) {
      Seen.insert(C.Site->Where);
      Detached.push_back({C.Site->Where, C.Site->Call.Attr, Set, C.Entry});
    }
  }
  if (Detached.empty())
    return {};

  CallerIndex Callers;
  for (const FunctionDecl *F : Model.Functions)
    Callers.index(F);
  GraphCache Graphs(Context);
  WorkBuilder Works(Context);
  std::vector<DaemonFinding> Findings;
  for (const DetachedThread &T : Detached) {
    const ThreadWork *Work = Works.get(T.Entry, true);
    const FunctionDecl *Starter = enclosingFunction(Context, T.Where);
    if (!Work || !Starter)
      continue;
    EndSearch Search(Context, Graphs, Callers, Works, *Work);
    if (!Search.run(Starter, T.Where))
      continue;

    // What is lost: the work after the signals that released a wait too
    // early, or all of it.
    std::set<unsigned> Lost;
    if (!Search.PartialSignals.empty()) {
      for (const Signal *S : Search.PartialSignals)
        Lost.insert(S->After.begin(), S->After.end());
    } else {
      for (unsigned I = 0; I < Work->Items.size(); ++I)
        Lost.insert(I);
    }
    DaemonFinding F;
    std::set<std::pair<RiskKind, std::string>> Named;
    std::vector<const RiskItem *> Items;
    for (unsigned I : Lost)
      if (counts(*Work, Work->Items[I]))
        Items.push_back(&Work->Items[I]);
    const SourceManager &SM = Context.getSourceManager();
    llvm::sort(Items, [&](const RiskItem *A, const RiskItem *B) {
      return SM.isBeforeInTranslationUnit(A->Loc, B->Loc);
    });
    for (const RiskItem *Item : Items) {
      // Every output line is its own loss; a variable is named once.
      if (Item->Kind != RiskKind::Output &&
          !Named.insert({Item->Kind, Item->Name}).second)
        continue;
      if (Item->Kind == RiskKind::GlobalWrite &&
          Named.count({RiskKind::StaticObject, Item->Name}))
        continue;
      F.AtRisk.push_back(*Item);
    }
    if (F.AtRisk.empty())
      continue;

    F.DetachLoc = T.Primary->getExprLoc();
    F.ByAttribute = T.AttributeSet != nullptr;
    if (T.AttributeSet) {
      F.AttributeSetLoc = T.AttributeSet->getBeginLoc();
      if (const auto *Attr = dyn_cast_or_null<NamedDecl>(objectKey(T.Primary)))
        F.AttributeName = Attr->getNameAsString();
    }
    F.Entry = T.Entry;
    F.End = Search.End;
    F.EndLoc = Search.EndLoc;
    if (Search.End == ProgramEndKind::ExitCall)
      if (const FunctionDecl *Exit =
              cast<CallExpr>(Search.EndStmt)->getDirectCallee())
        F.ExitName = Exit->getNameAsString();
    if (Search.Sleep)
      F.SleepLoc = Search.Sleep->getBeginLoc();
    if (Search.PartialWait) {
      F.PartialWaitLoc = Search.PartialWait->getBeginLoc();
      F.SignalLoc = Search.PartialSignal->Where->getBeginLoc();
    }
    F.Endless = Work->Endless;
    Findings.push_back(std::move(F));
  }
  return Findings;
}

} // namespace racelint
