//===--- ThreadLifetimes.h - Threads that outlive their owners --*- C++ -*-===//
//
// The lecture's first lesson in C and C++: a detached ("daemon") thread is
// cut off when the program ends, and a thread nobody waits for either kills
// the program (a std::thread destroyed while joinable calls std::terminate)
// or leaks (a pthread never joined nor detached). Two rule families read the
// shared ProgramModel and reason on each function's CFG; a reporter speaks.
//
// Glossary (the code uses these words exactly):
//  - detached thread: a thread nobody can join any more (detach(),
//    pthread_detach, a PTHREAD_CREATE_DETACHED attribute).
//  - program end: main returning (or falling off its end), or a call to
//    exit(), quick_exit() or _Exit().
//  - wait: a call in the starter that blocks until the thread signals it
//    (future get/wait, latch/barrier wait, sem_wait, a condition variable or
//    a loop on a flag the thread sets).
//  - signal: what the thread does to release a wait (promise set, latch
//    count-down, sem_post, notify, the write of the flag).
//  - work at risk: what a detached thread may still do after the last wait
//    released it: output it prints, globals it writes, static objects with a
//    non-trivial destructor it uses, the starter's locals it uses.
//  - endless thread: a thread entry with no path to its own return.
//  - joinable handle: a std::thread (or a container of them) that owns a
//    running thread nobody has joined or detached yet.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_THREADLIFETIMES_H
#define RACELINT_THREADLIFETIMES_H

#include "ProgramModel.h"
#include "Report.h"

#include "clang/Basic/SourceLocation.h"

#include <string>
#include <vector>

namespace clang {
class CFG;
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace racelint {

enum class RiskKind { Output, GlobalWrite, StaticObject, StarterLocal };

/// One piece of work at risk, at the place the thread would do it.
struct RiskItem {
  RiskKind Kind;
  clang::SourceLocation Loc;
  /// Output: the text it prints. Others: the variable's name.
  std::string Name;
  /// StaticObject: the type; StarterLocal: the function owning the local.
  std::string Detail;
};

enum class ProgramEndKind { MainReturns, MainEnds, ExitCall };

struct DaemonFinding {
  /// The detach call, or pthread_create's attribute argument.
  clang::SourceLocation DetachLoc;
  bool ByAttribute = false;
  /// The pthread_attr_setdetachstate call, for ByAttribute.
  clang::SourceLocation AttributeSetLoc;
  std::string AttributeName;
  const clang::FunctionDecl *Entry = nullptr;
  ProgramEndKind End = ProgramEndKind::MainReturns;
  clang::SourceLocation EndLoc;
  std::string ExitName;
  /// A sleep between the detach and the program end.
  clang::SourceLocation SleepLoc;
  /// A wait released before the thread's work is done, and its signal.
  clang::SourceLocation PartialWaitLoc;
  clang::SourceLocation SignalLoc;
  bool Endless = false;
  std::vector<RiskItem> AtRisk;
};

enum class JoinableKind {
  /// A local std::thread destroyed while joinable.
  Local,
  /// A local std::thread assigned to while joinable.
  Assigned,
  /// A local container of std::thread destroyed with joinable threads.
  Container,
  /// A temporary std::thread destroyed at the end of its statement.
  Temporary,
  /// A std::thread member the class's destructor does not join.
  Member,
  /// A pthread never joined nor detached.
  PthreadLeak,
};

enum class ExitKind { ScopeEnd, Return, Break, Continue, Goto, Throw, Call };

/// Where a joinable handle is lost on some path.
struct LostAt {
  ExitKind Kind;
  clang::SourceLocation Loc;
  /// For Call: the function that may throw.
  std::string Callee;
};

struct JoinableFinding {
  JoinableKind Kind;
  /// The start (construction, emplace_back, pthread_create) that made the
  /// handle joinable.
  clang::SourceLocation StartLoc;
  std::string Handle;
  const clang::FunctionDecl *Function = nullptr;
  std::vector<LostAt> Exits;
  /// Member: the destructor that does not join, or the class without one.
  const clang::Decl *Owner = nullptr;
  /// Where 'thread' is spelled in the handle's type, when std::jthread would
  /// compile in its place.
  clang::SourceLocation JThreadFixLoc;
};

/// daemon-thread: detached threads whose work may be cut off at program end.
std::vector<DaemonFinding> findDaemonThreads(const ProgramModel &Model);

/// joinable-thread-destroyed: std::threads destroyed or overwritten while
/// joinable, and pthreads never joined nor detached.
std::vector<JoinableFinding> findJoinableThreads(const ProgramModel &Model);

/// Both rules, in racelint's words.
std::vector<Report> checkThreadLifetimes(const ProgramModel &Model);

/// The CFG both rules reason on: implicit destructors (a std::thread's end
/// of life is its destructor), every subexpression an element, no temporary
/// destructors (threads that matter are named).
std::unique_ptr<clang::CFG> buildLifetimeCFG(const clang::FunctionDecl *FD,
                                             clang::ASTContext &Context);

/// The name of a class in namespace std (for 'std::thread', "thread"), or
/// empty.
llvm::StringRef stdTypeName(clang::QualType T);

/// A call of the C library function \p Name (global, extern "C" or std::).
bool isCLibraryCall(const clang::CallExpr *Call, llvm::StringRef Name);

/// The variable or field an object expression names, through '&', '*',
/// subscripts and members ('&threads[i]' names 'threads'); null if none.
const clang::Decl *objectKey(const clang::Expr *E);

/// The pthread_attr_setdetachstate(..., PTHREAD_CREATE_DETACHED) call in
/// \p F that makes pthread_create's attribute argument \p Attr detached.
const clang::CallExpr *detachedAttributeSet(const clang::Expr *Attr,
                                            const clang::FunctionDecl *F,
                                            clang::ASTContext &Context);

} // namespace racelint

#endif
