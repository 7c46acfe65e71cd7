//===--- Confirm.cpp - racelint-confirm's vocabulary ----------------------===//
//
// What the findings' messages and notes say, read back from racelint's
// wording (tool/lib/RaceReporter.cpp, LifetimeReporter.cpp): which note is the
// read, the released lock, the thread's entry, the output never printed.
//
//===----------------------------------------------------------------------===//

#include "Confirm.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace racelint::confirm;

static std::string firstQuoted(llvm::StringRef Text) {
  size_t Open = Text.find('\'');
  if (Open == llvm::StringRef::npos)
    return "";
  size_t Close = Text.find('\'', Open + 1);
  if (Close == llvm::StringRef::npos)
    return "";
  return Text.slice(Open + 1, Close).str();
}

std::string Finding::subject() const { return firstQuoted(Message); }

const FindingNote *Finding::readNote() const {
  for (const FindingNote &N : Notes)
    if (llvm::StringRef(N.Message).ends_with("is read here"))
      return &N;
  return nullptr;
}

const FindingNote *Finding::releaseNote() const {
  for (const FindingNote &N : Notes)
    if (llvm::StringRef(N.Message).ends_with("is released here"))
      return &N;
  return nullptr;
}

std::vector<SourcePoint> Finding::accessPoints() const {
  std::vector<SourcePoint> Points{Where};
  for (const FindingNote &N : Notes) {
    llvm::StringRef Message(N.Message);
    if (Message.ends_with("is read here") ||
        Message.starts_with("conflicting "))
      Points.push_back(N.Where);
  }
  return Points;
}

std::string Finding::threadEntry() const {
  for (const FindingNote &N : Notes)
    if (llvm::StringRef(N.Message).starts_with("the detached thread runs "))
      return firstQuoted(N.Message);
  return subject();
}

const FindingNote *Finding::lostOutputNote() const {
  for (const FindingNote &N : Notes)
    if (llvm::StringRef(N.Message).starts_with("the thread may never print"))
      return &N;
  return nullptr;
}

bool Finding::isRace() const {
  return Rule == "unsynchronized-rmw" || Rule == "data-race" ||
         Rule == "split-critical-section";
}

bool Finding::isDaemon() const { return Rule == "daemon-thread"; }

std::string Probe::key() const {
  return Key.Path + ":" + std::to_string(Key.Line);
}

bool TsanSection::isEvidence() const {
  llvm::StringRef H(Header);
  return !H.contains("created by") && !H.contains("created at") &&
         !H.contains("allocated by");
}

std::string TsanSection::accessKind() const {
  llvm::StringRef H(Header);
  if (!H.contains(" of size "))
    return "";
  H.consume_front("Previous ");
  std::string Kind = H.take_until([](char C) { return C == ' '; }).lower();
  if (Kind == "atomic") {
    H = H.drop_front(Kind.size() + 1);
    return "atomic " + H.take_until([](char C) { return C == ' '; }).lower();
  }
  return Kind;
}

std::string TsanReport::key() const {
  std::string Key = Kind;
  for (const TsanSection &S : Sections) {
    if (!S.isEvidence() || S.Frames.empty())
      continue;
    const TsanFrame &Top = S.Frames.front();
    Key +=
        "|" + S.accessKind() + "@" + Top.Path + ":" + std::to_string(Top.Line);
  }
  return Key;
}

bool racelint::confirm::samePath(llvm::StringRef A, llvm::StringRef B) {
  if (A == B)
    return true;
  return A.ends_with(("/" + B).str()) || B.ends_with(("/" + A).str());
}

bool RunEvidence::clean() const {
  return !TimedOut && !StartFailed && ExitCode == 0 && Reports.empty() &&
         AliveAtExit.empty();
}

const char *racelint::confirm::outcomeName(Outcome O) {
  switch (O) {
  case Outcome::Confirmed:
    return "confirmed";
  case Outcome::NotReproduced:
    return "not reproduced";
  case Outcome::NotReached:
    return "not reached";
  case Outcome::NotChecked:
    return "not checked";
  }
  llvm_unreachable("unknown outcome");
}
