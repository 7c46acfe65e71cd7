//===--- JsonOutput.h - racelint's own JSON format --------------*- C++ -*-===//
//
// The findings of a run as one JSON document, for scripts: the same content
// as the SARIF output in a flatter shape. docs/formats.md is its schema; the
// "racelintJson" member carries the format version.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_JSONOUTPUT_H
#define RACELINT_JSONOUTPUT_H

#include "LintRun.h"

namespace racelint {

/// Version of the JSON format; changes only when a member changes meaning or
/// disappears (new members may appear within a version).
inline constexpr unsigned JsonFormatVersion = 1;

void printJson(llvm::raw_ostream &OS, const LintRun &Run);

} // namespace racelint

#endif
