//===--- Fingerprint.cpp - A finding's identity across edits --------------===//
//
// Source lines are read from disk, like the text printer does, since the
// fingerprint is computed after every TU's SourceManager is gone.
//
//===----------------------------------------------------------------------===//
#include "Fingerprint.h"

#include "LintRun.h"
#include "SourceLines.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MD5.h"

namespace racelint {

static std::string withoutDigits(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text)
    if (!llvm::isDigit(C))
      Out += C;
  return Out;
}

std::vector<std::string> computeFingerprints(const std::vector<Report> &Reports,
                                             llvm::StringRef SrcRoot) {
  SourceLines Lines;
  llvm::StringMap<unsigned> Occurrences;
  std::vector<std::string> Fingerprints;
  Fingerprints.reserve(Reports.size());
  for (const Report &R : Reports) {
    std::string File =
        relativeToRoot(R.Where.File, SrcRoot).value_or(R.Where.File);
    std::string Message = withoutDigits(R.Message);
    llvm::StringRef Parts[] = {ruleInfo(R.RuleId).Name, File,
                               Lines.line(R.Where.File, R.Where.Line).trim(),
                               Message};
    llvm::MD5 Hash;
    // A NUL between the parts keeps ("ab", "c") and ("a", "bc") apart.
    for (llvm::StringRef Part : Parts) {
      Hash.update(Part);
      Hash.update(llvm::StringRef("\0", 1));
    }
    llvm::MD5::MD5Result Result;
    Hash.final(Result);
    std::string Base = Result.digest().str().str();
    unsigned Occurrence = ++Occurrences[Base];
    Fingerprints.push_back(Base + ":" + std::to_string(Occurrence));
  }
  return Fingerprints;
}

} // namespace racelint
