//===--- Baseline.cpp - Findings accepted when racelint was adopted -------===//
//
// The file is JSON: {"racelintBaseline": VERSION, "fingerprint": NAME,
// "findings": [{"fingerprint", "rule", "file", "line", "message"}, ...]}.
//
//===----------------------------------------------------------------------===//
#include "Baseline.h"

#include "Fingerprint.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace racelint {

static llvm::Error baselineError(llvm::StringRef Path, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "baseline '" + Path + "': " + Why);
}

llvm::Expected<Baseline> Baseline::read(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return baselineError(Path, "cannot read: " + Buffer.getError().message());
  llvm::Expected<llvm::json::Value> Parsed =
      llvm::json::parse((*Buffer)->getBuffer());
  if (!Parsed)
    return baselineError(Path, "not valid JSON: " +
                                   llvm::toString(Parsed.takeError()));
  const llvm::json::Object *Root = Parsed->getAsObject();
  std::optional<int64_t> Version =
      Root ? Root->getInteger("racelintBaseline") : std::nullopt;
  if (!Version)
    return baselineError(Path, "not a racelint baseline (no "
                               "\"racelintBaseline\" version)");
  if (*Version != BaselineFormatVersion)
    return baselineError(Path, "format version " + llvm::Twine(*Version) +
                                   ", but this racelint reads version " +
                                   llvm::Twine(BaselineFormatVersion) +
                                   "; write it again with --write-baseline");
  std::optional<llvm::StringRef> Recipe = Root->getString("fingerprint");
  if (!Recipe || *Recipe != FingerprintName)
    return baselineError(
        Path, "fingerprints of kind '" + Recipe.value_or("none") +
                  "', but this racelint computes '" + FingerprintName +
                  "'; write it again with --write-baseline");
  const llvm::json::Array *Findings = Root->getArray("findings");
  if (!Findings)
    return baselineError(Path, "no \"findings\" list");
  Baseline Result;
  for (const llvm::json::Value &Finding : *Findings) {
    const llvm::json::Object *Entry = Finding.getAsObject();
    std::optional<llvm::StringRef> Fingerprint =
        Entry ? Entry->getString("fingerprint") : std::nullopt;
    if (!Fingerprint)
      return baselineError(Path, "a finding without a \"fingerprint\"");
    Result.Fingerprints.insert(*Fingerprint);
  }
  return Result;
}

llvm::Error Baseline::write(llvm::StringRef Path, const LintRun &Run) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return baselineError(Path, "cannot write: " + EC.message());
  llvm::json::OStream J(OS, /*IndentSize=*/2);
  J.object([&] {
    J.attribute("racelintBaseline", BaselineFormatVersion);
    J.attribute("fingerprint", FingerprintName);
    J.attributeArray("findings", [&] {
      for (size_t I = 0; I < Run.Reports.size(); ++I) {
        const Report &R = Run.Reports[I];
        J.object([&] {
          J.attribute("fingerprint", Run.Fingerprints[I]);
          J.attribute("rule", ruleInfo(R.RuleId).Name);
          J.attribute(
              "file",
              relativeToRoot(R.Where.File, Run.SrcRoot).value_or(R.Where.File));
          J.attribute("line", R.Where.Line);
          J.attribute("message", R.Message);
        });
      }
    });
  });
  OS << '\n';
  OS.close();
  if (OS.has_error()) {
    std::error_code WriteError = OS.error();
    OS.clear_error();
    return baselineError(Path, "cannot write: " + WriteError.message());
  }
  return llvm::Error::success();
}

} // namespace racelint
