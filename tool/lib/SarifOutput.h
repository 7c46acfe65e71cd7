//===--- SarifOutput.h - SARIF 2.1.0 for code-scanning UIs ------*- C++ -*-===//
//
// One run of racelint as a SARIF 2.1.0 log: the tool with every rule, one
// result per finding (notes as related locations, each thread's start as a
// code flow, fix-its as fixes) and fingerprints that survive line shifts.
// URIs are relative to %SRCROOT%, so the log does not depend on where CI
// checked the code out. docs/formats.md maps each field.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_SARIFOUTPUT_H
#define RACELINT_SARIFOUTPUT_H

#include "LintRun.h"

namespace racelint {

/// The uriBaseId every relative URI uses.
inline constexpr llvm::StringLiteral SrcRootBaseId = "%SRCROOT%";

void printSarif(llvm::raw_ostream &OS, const LintRun &Run);

} // namespace racelint

#endif
