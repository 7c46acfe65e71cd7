//===--- LockOrder.cpp - Locks taken in opposite orders -------------------===//
//
// The lock-order graph has an edge A -> B for every acquisition of B while A
// is held, from every context, so a helper taking B under its caller's A is
// an edge too. A cycle is a potential deadlock when one edge per step can be
// picked such that their code may run at the same time, no exclusive lock
// outside the cycle is held over all of them (a gate), and none is a
// try-lock (it backs off) or a simultaneous acquisition (std::lock,
// std::scoped_lock). Each cycle is reported once, however many edges show it.
//
//===----------------------------------------------------------------------===//
#include "LockFinding.h"
#include "LockModel.h"
#include "ProgramModel.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include <map>
#include <set>

using namespace clang;

namespace racelint {

namespace {

struct OrderEdge {
  unsigned From;
  unsigned To;
  /// Index into the contexts' resolved acquisitions.
  unsigned Acquisition;
  clang::SourceLocation FromAt;
};

/// A single-mutex lock_guard declared on its own, by where it takes the lock.
struct GuardDecl {
  const DeclStmt *Stmt;
  const VarDecl *Var;
  const Expr *Mutex;
};

class LockOrderGraph {
public:
  explicit LockOrderGraph(ProgramModel &Model)
      : Model(Model), Threads(Model.Threads) {}

  std::vector<LockOrderFinding> run();

private:
  unsigned node(const AccessPath &Lock);
  void findCycles(unsigned Start, std::vector<unsigned> &Path,
                  std::vector<bool> &OnPath);
  bool pickEdges(const std::vector<unsigned> &Cycle, unsigned Step,
                 std::vector<unsigned> &Picked) const;
  bool mayOverlap(unsigned EdgeA, unsigned EdgeB) const;
  bool gated(const std::vector<unsigned> &Cycle,
             const std::vector<unsigned> &Picked) const;
  void report(const std::vector<unsigned> &Cycle,
              const std::vector<unsigned> &Picked);
  void collectGuards();
  std::optional<ScopedLockFixPlan> planFix(const OrderEdge &E) const;
  const Stmt *parentOf(const Stmt *S) const;

  ProgramModel &Model;
  const ThreadContexts &Threads;
  std::map<AccessPath, unsigned> Nodes;
  std::vector<AccessPath> Locks;
  std::vector<OrderEdge> Edges;
  /// Edges by (from, to).
  std::map<std::pair<unsigned, unsigned>, std::vector<unsigned>> ByPair;
  std::vector<std::vector<unsigned>> Successors;
  std::set<std::vector<unsigned>> Seen;
  std::map<unsigned, GuardDecl> Guards;
  std::vector<LockOrderFinding> Findings;
};

unsigned LockOrderGraph::node(const AccessPath &Lock) {
  auto [It, Inserted] = Nodes.insert({Lock, unsigned(Locks.size())});
  if (Inserted) {
    Locks.push_back(Lock);
    Successors.emplace_back();
  }
  return It->second;
}

bool LockOrderGraph::mayOverlap(unsigned EdgeA, unsigned EdgeB) const {
  const ResolvedAcquisition &A =
      Threads.acquisitions()[Edges[EdgeA].Acquisition];
  const ResolvedAcquisition &B =
      Threads.acquisitions()[Edges[EdgeB].Acquisition];
  return Threads.mayRunConcurrently(A.Context, A.Live, B.Context, B.Live);
}

bool LockOrderGraph::gated(const std::vector<unsigned> &Cycle,
                           const std::vector<unsigned> &Picked) const {
  const Lockset &First =
      Threads.acquisitions()[Edges[Picked[0]].Acquisition].HeldBefore;
  for (const HeldLock &Gate : First.locks()) {
    auto Node = Nodes.find(Gate.Lock);
    if (Gate.Shared ||
        (Node != Nodes.end() && llvm::is_contained(Cycle, Node->second)))
      continue;
    bool HeldByAll = llvm::all_of(Picked, [&](unsigned E) {
      const HeldLock *H =
          Threads.acquisitions()[Edges[E].Acquisition].HeldBefore.find(
              Gate.Lock);
      return H && !H->Shared;
    });
    if (HeldByAll)
      return true;
  }
  return false;
}

/// Backtracks over the edges of each step, keeping only edges that may run
/// at the same time as every edge picked before.
bool LockOrderGraph::pickEdges(const std::vector<unsigned> &Cycle,
                               unsigned Step,
                               std::vector<unsigned> &Picked) const {
  if (Step == Cycle.size())
    return !gated(Cycle, Picked);
  unsigned From = Cycle[Step];
  unsigned To = Cycle[(Step + 1) % Cycle.size()];
  constexpr unsigned MaxEdgesPerStep = 16;
  const std::vector<unsigned> &Candidates = ByPair.at({From, To});
  for (unsigned I = 0; I < Candidates.size() && I < MaxEdgesPerStep; ++I) {
    unsigned E = Candidates[I];
    if (!llvm::all_of(Picked, [&](unsigned P) { return mayOverlap(P, E); }))
      continue;
    Picked.push_back(E);
    if (pickEdges(Cycle, Step + 1, Picked))
      return true;
    Picked.pop_back();
  }
  return false;
}

/// Simple cycles through Start whose other nodes all come after it, so
/// each cycle is found from its smallest node only.
void LockOrderGraph::findCycles(unsigned Start, std::vector<unsigned> &Path,
                                std::vector<bool> &OnPath) {
  constexpr size_t MaxCycle = 5;
  unsigned Last = Path.back();
  for (unsigned Next : Successors[Last]) {
    if (Next == Start && Path.size() >= 2) {
      std::vector<unsigned> Picked;
      if (pickEdges(Path, 0, Picked))
        report(Path, Picked);
      continue;
    }
    if (Next <= Start || OnPath[Next] || Path.size() >= MaxCycle)
      continue;
    OnPath[Next] = true;
    Path.push_back(Next);
    findCycles(Start, Path, OnPath);
    Path.pop_back();
    OnPath[Next] = false;
  }
}

const Stmt *LockOrderGraph::parentOf(const Stmt *S) const {
  DynTypedNodeList Parents = Model.Context.getParents(*S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

void LockOrderGraph::collectGuards() {
  struct Collector : RecursiveASTVisitor<Collector> {
    std::map<unsigned, GuardDecl> &Guards;
    explicit Collector(std::map<unsigned, GuardDecl> &G) : Guards(G) {}
    bool VisitDeclStmt(DeclStmt *S) {
      if (!S->isSingleDecl())
        return true;
      const auto *Var = dyn_cast<VarDecl>(S->getSingleDecl());
      if (!Var || !Var->getInit())
        return true;
      const auto *Construct = dyn_cast<CXXConstructExpr>(
          Var->getInit()->IgnoreImplicit()->IgnoreParens());
      if (!Construct)
        return true;
      auto G = classifyGuardConstruction(Construct);
      const CXXRecordDecl *RD = Var->getType()->getAsCXXRecordDecl();
      if (!G || G->Mode != GuardMode::Lock || G->Mutexes.size() != 1 ||
          G->Shared || !RD || RD->getName() != "lock_guard")
        return true;
      Guards[Construct->getExprLoc().getRawEncoding()] = {S, Var,
                                                          G->Mutexes[0]};
      return true;
    }
  } C(Guards);
  for (const FunctionDecl *FD : Model.Functions)
    C.TraverseStmt(FD->getBody());
}

std::optional<ScopedLockFixPlan>
LockOrderGraph::planFix(const OrderEdge &E) const {
  const ResolvedAcquisition &A = Threads.acquisitions()[E.Acquisition];
  auto First = Guards.find(E.FromAt.getRawEncoding());
  auto Second = Guards.find(A.Source->Loc.getRawEncoding());
  if (First == Guards.end() || Second == Guards.end())
    return std::nullopt;
  const auto *Scope =
      dyn_cast_or_null<CompoundStmt>(parentOf(First->second.Stmt));
  if (!Scope || parentOf(Second->second.Stmt) != Scope)
    return std::nullopt;
  auto It = llvm::find(Scope->body(), First->second.Stmt);
  if (It == Scope->body_end() || std::next(It) == Scope->body_end() ||
      *std::next(It) != Second->second.Stmt)
    return std::nullopt;
  ScopedLockFixPlan Plan;
  Plan.First = First->second.Stmt;
  Plan.Second = Second->second.Stmt;
  Plan.FirstMutex = First->second.Mutex;
  Plan.SecondMutex = Second->second.Mutex;
  Plan.GuardName = First->second.Var->getName().str();
  return Plan;
}

void LockOrderGraph::report(const std::vector<unsigned> &Cycle,
                            const std::vector<unsigned> &Picked) {
  std::vector<unsigned> Key = Cycle;
  llvm::sort(Key);
  if (!Seen.insert(Key).second)
    return;
  const SourceManager &SM = Model.Context.getSourceManager();
  // The report stands at the earliest second acquisition in the file.
  unsigned First = 0;
  auto LocOf = [&](unsigned I) {
    return Threads.acquisitions()[Edges[Picked[I]].Acquisition].Source->Loc;
  };
  for (unsigned I = 1; I < Picked.size(); ++I)
    if (SM.isBeforeInTranslationUnit(LocOf(I), LocOf(First)))
      First = I;
  LockOrderFinding F;
  for (unsigned K = 0; K < Picked.size(); ++K) {
    unsigned I = (First + K) % Picked.size();
    const OrderEdge &E = Edges[Picked[I]];
    const ResolvedAcquisition &A = Threads.acquisitions()[E.Acquisition];
    F.Cycle.push_back({Locks[E.From].spelling(), Locks[E.To].spelling(),
                       E.FromAt, A.Source->Loc,
                       lockThreadSide(Threads, A.Context)});
    if (!F.Fix && Model.Context.getLangOpts().CPlusPlus17)
      F.Fix = planFix(E);
  }
  Findings.push_back(std::move(F));
}

std::vector<LockOrderFinding> LockOrderGraph::run() {
  const auto &All = Threads.acquisitions();
  std::set<std::tuple<unsigned, unsigned, unsigned, unsigned>> Distinct;
  for (unsigned I = 0; I < All.size(); ++I) {
    const ResolvedAcquisition &A = All[I];
    // A try-lock backs off instead of waiting: it closes no cycle.
    if (A.Source->Try)
      continue;
    for (const HeldLock &H : A.HeldBefore.locks()) {
      // Taken together (std::lock, std::scoped_lock): no order at all.
      if (H.Lock == A.Lock || H.AcquiredAt == A.Source->Loc)
        continue;
      unsigned From = node(H.Lock);
      unsigned To = node(A.Lock);
      if (!Distinct
               .insert({From, To, A.Source->Loc.getRawEncoding(), A.Context})
               .second)
        continue;
      Edges.push_back({From, To, I, H.AcquiredAt});
      std::vector<unsigned> &Pair = ByPair[{From, To}];
      if (Pair.empty())
        Successors[From].push_back(To);
      Pair.push_back(Edges.size() - 1);
    }
  }
  if (Edges.empty())
    return {};
  collectGuards();
  std::vector<bool> OnPath(Locks.size());
  for (unsigned Start = 0; Start < Locks.size(); ++Start) {
    std::vector<unsigned> Path{Start};
    OnPath[Start] = true;
    findCycles(Start, Path, OnPath);
    OnPath[Start] = false;
  }
  return std::move(Findings);
}

} // namespace

std::vector<LockOrderFinding> findLockOrderInversions(ProgramModel &Model) {
  return LockOrderGraph(Model).run();
}

} // namespace racelint
