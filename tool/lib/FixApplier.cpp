//===--- FixApplier.cpp - --fix and --export-fixes ------------------------===//
//
// The replacements are checked against each other before any file changes,
// so one bad fix cannot leave a file half rewritten.
//
//===----------------------------------------------------------------------===//
#include "FixApplier.h"

#include "clang/Tooling/ReplacementsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

namespace racelint {

const Fix *FixApplier::choose(const Report &R) const {
  if (R.Fixes.empty())
    return nullptr;
  if (PreferAtomic)
    for (const Fix &F : R.Fixes)
      if (F.MakesAtomic)
        return &F;
  return &R.Fixes.front();
}

bool FixApplier::add(const Report &R) {
  const Fix *Chosen = choose(R);
  if (!Chosen || Chosen->Edits.empty())
    return false;
  std::map<std::string, clang::tooling::Replacements> Candidate = ByFile;
  for (const TextEdit &E : Chosen->Edits) {
    clang::tooling::Replacements &Replaces = Candidate[E.Where.File];
    clang::tooling::Replacement Edit(E.Where.File, E.Offset, E.Length, E.Text);
    // Fixes of two updates of one variable share its new mutex and include:
    // the second copy of an identical edit is already there.
    if (llvm::is_contained(Replaces, Edit))
      continue;
    llvm::Error Err = Replaces.add(Edit);
    if (!Err)
      continue;
    bool InsertedAtOnePlace = false;
    llvm::consumeError(llvm::handleErrors(
        std::move(Err), [&](const clang::tooling::ReplacementError &Conflict) {
          InsertedAtOnePlace =
              Conflict.get() ==
              clang::tooling::replacement_error::insert_conflict;
        }));
    if (!InsertedAtOnePlace) {
      ++Conflicting;
      return false;
    }
    // Two fixes insert at one place (their includes, before the file's
    // first one): keep both texts, each once.
    if (llvm::any_of(Replaces, [&](const clang::tooling::Replacement &R) {
          return R.getOffset() == E.Offset && R.getLength() == 0 &&
                 R.getReplacementText().contains(E.Text);
        }))
      continue;
    clang::tooling::Replacement After(
        E.Where.File, Replaces.getShiftedCodePosition(E.Offset), 0, E.Text);
    Replaces = Replaces.merge(clang::tooling::Replacements(After));
  }
  ByFile = std::move(Candidate);
  ++Taken;
  return true;
}

static llvm::Error fixError(llvm::StringRef File, const llvm::Twine &Why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "cannot fix '" + File + "': " + Why);
}

llvm::Error FixApplier::applyToFiles() const {
  // Every file's new text first, then the writes.
  std::vector<std::pair<std::string, std::string>> NewTexts;
  for (const auto &[File, Replaces] : ByFile) {
    auto Buffer = llvm::MemoryBuffer::getFile(File);
    if (!Buffer)
      return fixError(File, Buffer.getError().message());
    llvm::Expected<std::string> Fixed =
        clang::tooling::applyAllReplacements((*Buffer)->getBuffer(), Replaces);
    if (!Fixed)
      return fixError(File, llvm::toString(Fixed.takeError()));
    NewTexts.emplace_back(File, std::move(*Fixed));
  }
  for (const auto &[File, Text] : NewTexts) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(File, EC, llvm::sys::fs::OF_None);
    if (EC)
      return fixError(File, EC.message());
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      std::error_code WriteError = OS.error();
      OS.clear_error();
      return fixError(File, WriteError.message());
    }
  }
  return llvm::Error::success();
}

llvm::Error FixApplier::exportYaml(llvm::StringRef Path,
                                   llvm::StringRef MainSourceFile) const {
  clang::tooling::TranslationUnitReplacements TU;
  TU.MainSourceFile = MainSourceFile.str();
  for (const auto &[File, Replaces] : ByFile)
    TU.Replacements.insert(TU.Replacements.end(), Replaces.begin(),
                           Replaces.end());
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_Text);
  if (EC)
    return llvm::createStringError(EC, "cannot write '" + Path +
                                           "': " + EC.message());
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  OS.close();
  if (OS.has_error()) {
    std::error_code WriteError = OS.error();
    OS.clear_error();
    return llvm::createStringError(
        WriteError, "cannot write '" + Path + "': " + WriteError.message());
  }
  return llvm::Error::success();
}

} // namespace racelint
