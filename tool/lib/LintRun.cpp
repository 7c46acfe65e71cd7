//===--- LintRun.cpp - What one racelint run found, ready to print --------===//
//
// Path and URI helpers shared by the machine-readable printers.
//
//===----------------------------------------------------------------------===//
#include "LintRun.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace racelint {

std::string UnusedSuppression::message() const {
  return "suppression '" + Directive + "' suppresses no finding";
}

std::optional<std::string> relativeToRoot(llvm::StringRef File,
                                          llvm::StringRef SrcRoot) {
  if (SrcRoot.empty() || !File.starts_with(SrcRoot))
    return std::nullopt;
  llvm::StringRef Rest = File.drop_front(SrcRoot.size());
  if (Rest.empty() || !llvm::sys::path::is_separator(Rest.front()))
    return std::nullopt;
  return llvm::sys::path::convert_to_slash(Rest.drop_front());
}

static bool isUnreserved(char C) {
  return llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' ||
         C == '/';
}

std::string uriEscape(llvm::StringRef Path) {
  std::string Out;
  for (char C : Path) {
    if (isUnreserved(C)) {
      Out += C;
      continue;
    }
    Out += '%';
    Out += llvm::hexdigit(static_cast<unsigned char>(C) >> 4);
    Out += llvm::hexdigit(static_cast<unsigned char>(C) & 15);
  }
  return Out;
}

std::string fileUri(llvm::StringRef Path, bool IsFolder) {
  std::string Uri =
      "file://" + uriEscape(llvm::sys::path::convert_to_slash(Path));
  if (IsFolder && !llvm::StringRef(Uri).ends_with("/"))
    Uri += '/';
  return Uri;
}

} // namespace racelint
