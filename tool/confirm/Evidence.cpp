//===--- Evidence.cpp - What one run of a build showed --------------------===//
//
// TSan has no machine-readable output, so its text is parsed: a report runs
// from "WARNING: ThreadSanitizer: KIND" to "SUMMARY: ThreadSanitizer:", its
// sections are two-space-indented headers followed by "#N function
// file:line:col (module+0xoff)" frames.
//
//===----------------------------------------------------------------------===//

#include "Evidence.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace racelint::confirm;

static bool isNumber(llvm::StringRef Text) {
  unsigned Value;
  return !Text.empty() && !Text.getAsInteger(10, Value);
}

/// "#0 task() /src/money.cpp:29:9 (money+0x1234)" -> task(), /src/money.cpp,
/// 29. Frames without a file ("<null>", a module offset) keep Line 0.
static TsanFrame parseFrame(llvm::StringRef Line) {
  TsanFrame Frame;
  Line = Line.trim();
  Line = Line.drop_until([](char C) { return C == ' '; }).ltrim();
  // "(module+0xoff)", then "(BuildId: ...)" in newer runtimes.
  while (Line.ends_with(")")) {
    size_t Module = Line.rfind(" (");
    if (Module == llvm::StringRef::npos)
      break;
    Line = Line.take_front(Module);
  }
  auto [Function, Where] = Line.rsplit(' ');
  if (Where.empty()) {
    Frame.Function = Function.str();
    return Frame;
  }
  Frame.Function = Function.str();
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  Where.split(Parts, ':');
  // PATH:LINE:COL or PATH:LINE.
  if (Parts.size() >= 3 && isNumber(Parts.back()) &&
      isNumber(Parts[Parts.size() - 2])) {
    Frame.Path = Where.rsplit(':').first.rsplit(':').first.str();
    Parts[Parts.size() - 2].getAsInteger(10, Frame.Line);
  } else if (Parts.size() >= 2 && isNumber(Parts.back())) {
    Frame.Path = Where.rsplit(':').first.str();
    Parts.back().getAsInteger(10, Frame.Line);
  }
  return Frame;
}

std::vector<TsanReport> racelint::confirm::parseTsanLog(llvm::StringRef Text) {
  std::vector<TsanReport> Reports;
  TsanReport *Current = nullptr;
  llvm::SmallVector<llvm::StringRef, 128> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    Line = Line.rtrim();
    if (Line.starts_with("WARNING: ThreadSanitizer: ")) {
      Reports.emplace_back();
      Current = &Reports.back();
      llvm::StringRef Kind = Line.drop_front(26);
      Current->Kind =
          Kind.take_until([](char C) { return C == '('; }).rtrim().str();
      continue;
    }
    if (!Current)
      continue;
    if (Line.starts_with("SUMMARY: ThreadSanitizer: ")) {
      Current->Summary = Line.drop_front(27).str();
      Current = nullptr;
      continue;
    }
    if (Line.trim().starts_with("#")) {
      if (!Current->Sections.empty())
        Current->Sections.back().Frames.push_back(parseFrame(Line));
      continue;
    }
    if (Line.starts_with("  ") && !Line.starts_with("   ")) {
      llvm::StringRef Header = Line.trim();
      if (Header.consume_front("Location is ")) {
        Current->Location =
            Header.take_until([](char C) { return C == ' '; }).str();
        llvm::StringRef Rest = Header.drop_front(Current->Location.size());
        if (Rest.ltrim().starts_with("'"))
          Current->Location +=
              " " +
              Rest.ltrim().take_until([](char C) { return C == ' '; }).str();
        continue;
      }
      Current->Sections.push_back(TsanSection{Header.str(), {}});
    }
  }
  return Reports;
}

static std::map<std::string, std::string> fields(llvm::StringRef Line) {
  std::map<std::string, std::string> Fields;
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Line.split(Parts, '\t');
  for (llvm::StringRef Part : llvm::ArrayRef(Parts).drop_front()) {
    auto [Key, Value] = Part.split('=');
    Fields[Key.str()] = Value.str();
  }
  return Fields;
}

static ShimThread threadOf(std::map<std::string, std::string> &Fields) {
  ShimThread Thread;
  Thread.Entry = Fields["entry"];
  Thread.Site = Fields["site"];
  Thread.Detached = Fields["detached"] == "1";
  llvm::StringRef(Fields["ran_us"]).getAsInteger(10, Thread.RanUs);
  return Thread;
}

void racelint::confirm::parseEvents(llvm::StringRef Text, RunEvidence &Run) {
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Line : Lines) {
    llvm::StringRef Event = Line.take_until([](char C) { return C == '\t'; });
    std::map<std::string, std::string> Fields = fields(Line);
    if (Event == "start") {
      Run.Started.push_back(threadOf(Fields));
    } else if (Event == "alive-at-exit") {
      Run.AliveAtExit.push_back(threadOf(Fields));
    } else if (Event == "window-hits") {
      unsigned long Hits = 0;
      llvm::StringRef(Fields["hits"]).getAsInteger(10, Hits);
      Run.WindowHits[Fields["site"]] += Hits;
    } else if (Event == "exit") {
      Run.ExitEventSeen = true;
    }
  }
}

static std::string readFile(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return "";
  return (*Buffer)->getBuffer().str();
}

void racelint::confirm::readRunFolder(llvm::StringRef Dir, RunEvidence &Run) {
  std::vector<std::string> Names;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Dir, EC), End; It != End && !EC;
       It.increment(EC))
    Names.push_back(It->path());
  // Sorted: several processes (fork) are read in a stable order.
  std::sort(Names.begin(), Names.end());
  for (const std::string &Path : Names) {
    llvm::StringRef Name = llvm::sys::path::filename(Path);
    if (Name.starts_with("tsan.")) {
      std::vector<TsanReport> Reports = parseTsanLog(readFile(Path));
      Run.Reports.insert(Run.Reports.end(), Reports.begin(), Reports.end());
    } else if (Name.starts_with("racelint-rt.") && Name.ends_with(".events")) {
      parseEvents(readFile(Path), Run);
    }
  }
}
