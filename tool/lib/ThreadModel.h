//===--- ThreadModel.h - Where threads start, join and detach ---*- C++ -*-===//
//
// Recognizes the ways C and C++ start a thread (std::thread, std::jthread,
// std::async, pthread_create) and the operations that wait for or abandon
// one (join, detach, future get/wait). It names the thread entry: a function,
// a lambda's or functor's call operator, or a member function with its
// object. Virtual entries are resolved later, against the object's type.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_THREADMODEL_H
#define RACELINT_THREADMODEL_H

#include "Config.h"
#include "clang/AST/Expr.h"

#include "clang/AST/ExprCXX.h"

#include <optional>

namespace racelint {

enum class StartKind { StdThread, JThread, Async, PthreadCreate };

struct ThreadStartCall {
  StartKind Kind;
  /// The function the thread runs, when it is known statically.
  const clang::FunctionDecl *Entry = nullptr;
  /// For a member-function entry: the object expression (a pointer or an
  /// object); for a lambda or functor entry: the closure expression.
  const clang::Expr *Object = nullptr;
  /// The arguments bound to the entry's parameters, in order.
  llvm::SmallVector<const clang::Expr *, 4> Args;
  /// pthread_create's pthread_t* argument; null when the handle is the
  /// constructed std::thread object itself.
  const clang::Expr *HandleOut = nullptr;
  /// pthread_create's attribute argument (PTHREAD_CREATE_DETACHED).
  const clang::Expr *Attr = nullptr;
  /// std::async: whether the policy may run the function in a new thread.
  bool MayBeDeferred = false;
};

/// Recognizes a thread start in a construction (std::thread t(f, ...)) or a
/// call (pthread_create, std::async, container.emplace_back(f, ...)).
std::optional<ThreadStartCall> classifyThreadStart(const clang::Stmt *S);

/// A call of one of the project's own thread-start functions named in
/// .racelint.yaml (a pool's submit(fn)): its callable runs on another thread.
std::optional<ThreadStartCall>
classifyConfiguredStart(const clang::CallExpr *Call,
                        const AnalysisHints &Hints);

enum class HandleOpKind { Join, Detach };

struct HandleOp {
  HandleOpKind Kind;
  /// The std::thread / future object, or pthread_t value.
  const clang::Expr *Handle;
};

/// t.join(), t.detach(), pthread_join(t), pthread_detach(t), future.get(),
/// future.wait().
std::optional<HandleOp> classifyHandleOp(const clang::CallExpr *Call);

/// Whether \p T is std::thread or std::jthread (or a container of them).
bool isThreadHandleType(clang::QualType T);
bool isJThreadType(clang::QualType T);
bool isFutureType(clang::QualType T);

} // namespace racelint

#endif
