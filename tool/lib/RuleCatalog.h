//===--- RuleCatalog.h - The rules racelint knows ---------------*- C++ -*-===//
//
// One row per rule: its stable ID (used in --checks, SARIF ruleId and
// suppressions), its one-line summary and its default level. The analysis
// refers to rules by the enum; only the reporter needs the words.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_RULECATALOG_H
#define RACELINT_RULECATALOG_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace racelint {

enum class Rule {
  UnsynchronizedRMW,
  DataRace,
  SplitCriticalSection,
  DaemonThread,
  JoinableThreadDestroyed,
  LockNotReleased,
  LockOrderInversion,
  LockHeldAcrossBlockingCall,
};

enum class Severity { Note, Warning, Error };

struct RuleInfo {
  Rule Id;
  llvm::StringLiteral Name;
  llvm::StringLiteral Summary;
  Severity DefaultLevel;
};

/// Every rule racelint implements, in documentation order.
llvm::ArrayRef<RuleInfo> allRules();

/// The catalog row of \p R.
const RuleInfo &ruleInfo(Rule R);

/// The rule named \p Name, if there is one.
const RuleInfo *findRule(llvm::StringRef Name);

} // namespace racelint

#endif
