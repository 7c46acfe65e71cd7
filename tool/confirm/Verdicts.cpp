//===--- Verdicts.cpp - Each finding against what the runs showed ---------===//
//
// A finding and a TSan report meet at a source line: the report's evidence
// stacks (not the "created by" ones) pass through the finding's write, read
// or other access. A daemon thread meets the shim's alive-at-exit event by
// its entry. A lost update TSan cannot see (a split critical section, an
// atomic load then store) shows in the output, compared with the fixed
// build's: the expected output is never written down anywhere else.
//
//===----------------------------------------------------------------------===//

#include "Verdicts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

using namespace racelint::confirm;

static bool reportPassesThrough(const TsanReport &Report,
                                const SourcePoint &Point) {
  bool AllSections = Report.Kind == "thread leak";
  for (const TsanSection &Section : Report.Sections) {
    if (!AllSections && !Section.isEvidence())
      continue;
    for (const TsanFrame &Frame : Section.Frames)
      if (Frame.Line == Point.Line && samePath(Frame.Path, Point.Path))
        return true;
  }
  return false;
}

static std::vector<SourcePoint> matchPoints(const Finding &F) {
  if (F.isRace())
    return F.accessPoints();
  std::vector<SourcePoint> Points{F.Where};
  for (const FindingNote &N : F.Notes)
    Points.push_back(N.Where);
  return Points;
}

static const TsanReport *matchingReport(const Finding &F,
                                        const RunEvidence &Run) {
  std::vector<SourcePoint> Points = matchPoints(F);
  // Prefer the report that passes through the most of the finding's places
  // (the write and the read, not only one of them).
  const TsanReport *Best = nullptr;
  size_t BestCount = 0;
  for (const TsanReport &Report : Run.Reports) {
    size_t Count = llvm::count_if(Points, [&](const SourcePoint &P) {
      return reportPassesThrough(Report, P);
    });
    if (Count > BestCount) {
      Best = &Report;
      BestCount = Count;
    }
  }
  return Best;
}

static bool entryMatches(llvm::StringRef ShimEntry, llvm::StringRef Entry) {
  if (Entry.empty())
    return false;
  return ShimEntry == Entry || ShimEntry.ends_with(("::" + Entry).str()) ||
         ShimEntry.starts_with((Entry + "(").str());
}

static const ShimThread *matchingThread(const std::vector<ShimThread> &Threads,
                                        const Finding &F, bool Detached) {
  for (const ShimThread &Thread : Threads)
    if (Thread.Detached == Detached &&
        entryMatches(Thread.Entry, F.threadEntry()))
      return &Thread;
  return nullptr;
}

static const Probe *probeFor(const Finding &F,
                             const std::vector<Probe> &Probes) {
  std::vector<SourcePoint> Points{F.Where};
  if (const FindingNote *Read = F.readNote())
    Points.push_back(Read->Where);
  if (const FindingNote *Release = F.releaseNote())
    Points.push_back(Release->Where);
  for (const Probe &P : Probes)
    for (const SourcePoint &Point : Points)
      if (P.Key.Line == Point.Line && samePath(P.Key.Path, Point.Path))
        return &P;
  return nullptr;
}

static std::vector<std::string> outputLines(llvm::StringRef Text) {
  llvm::SmallVector<llvm::StringRef, 16> Parts;
  Text.split(Parts, '\n', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Lines;
  for (llvm::StringRef Part : Parts)
    Lines.push_back(Part.rtrim().str());
  return Lines;
}

OutputDifference racelint::confirm::diffOutput(const std::string &Actual,
                                               const std::string &Expected) {
  std::map<std::string, int> Count;
  for (const std::string &Line : outputLines(Expected))
    ++Count[Line];
  OutputDifference Diff;
  for (const std::string &Line : outputLines(Actual))
    if (--Count[Line] < 0)
      Diff.Extra.push_back(Line);
  for (const std::string &Line : outputLines(Expected))
    if (Count[Line] > 0) {
      Diff.Missing.push_back(Line);
      --Count[Line];
    }
  return Diff;
}

namespace {

/// What one run says about one finding.
struct RunFacts {
  const TsanReport *Report = nullptr;
  const ShimThread *Alive = nullptr;
  std::optional<bool> Reached; ///< Unknown when nothing could tell.
  bool OutputDiffers = false;
  bool Confirmed = false;
};

} // namespace

static RunFacts factsOf(const Finding &F, const Probe *P,
                        const RunEvidence &Run,
                        const std::optional<std::string> &Expected) {
  RunFacts Facts;
  Facts.Report = matchingReport(F, Run);
  if (P) {
    auto Hits = Run.WindowHits.find(P->key());
    // No window-hits line at all: the process did not exit normally.
    if (Hits != Run.WindowHits.end())
      Facts.Reached = Hits->second > 0;
  }
  if (Facts.Report)
    Facts.Reached = true;
  Facts.OutputDiffers = Expected && !diffOutput(Run.Stdout, *Expected).empty();

  if (F.isDaemon()) {
    Facts.Alive = matchingThread(Run.AliveAtExit, F, /*Detached=*/true);
    Facts.Reached = Facts.Alive ||
                    matchingThread(Run.Started, F, /*Detached=*/true) ||
                    matchingThread(Run.Started, F, /*Detached=*/false);
    Facts.Confirmed = Facts.Alive != nullptr;
    return Facts;
  }
  if (F.isRace()) {
    Facts.Confirmed =
        Facts.Report || (Facts.OutputDiffers && Facts.Reached.value_or(false));
    return Facts;
  }
  if (F.Rule == "joinable-thread-destroyed") {
    Facts.Alive = matchingThread(Run.AliveAtExit, F, /*Detached=*/false);
    Facts.Confirmed = Facts.Report || Facts.Alive ||
                      llvm::StringRef(Run.Stderr).contains("terminate called");
    return Facts;
  }
  // Lock rules: TSan's own report (lock-order-inversion, a mutex destroyed
  // while locked) or the deadlock a timeout shows.
  Facts.Confirmed = Facts.Report || Run.TimedOut;
  return Facts;
}

/// Keeps the first evidence of its kind.
static void recordEvidence(Verdict &V, const RunFacts &Facts) {
  if (Facts.Report && !V.ByTsan)
    V.ByTsan = *Facts.Report;
  if (Facts.Alive && !V.ByShim)
    V.ByShim = *Facts.Alive;
}

Judgement racelint::confirm::judge(const std::vector<Finding> &Findings,
                                   const std::vector<Probe> &Probes,
                                   const std::vector<RunEvidence> &Before,
                                   const FixStage &After) {
  Judgement J;
  if (After.Present && !After.Runs.empty())
    J.Expected = After.Runs.front().Stdout;
  for (const RunEvidence &Run : After.Runs)
    J.CleanAfterRuns += Run.clean();
  bool AfterClean = After.Present && !After.Runs.empty() &&
                    J.CleanAfterRuns == After.Runs.size();

  std::map<std::string, Unpredicted> Recall;
  std::vector<std::string> RecallOrder;

  for (const Finding &F : Findings) {
    Verdict V;
    V.Subject = &F;
    V.Runs = Before.size();
    const Probe *P = probeFor(F, Probes);
    V.ProbeUsed = P;
    bool ReachKnown = false;
    for (size_t I = 0; I < Before.size(); ++I) {
      RunFacts Facts = factsOf(F, P, Before[I], J.Expected);
      if (Facts.Reached) {
        ReachKnown = true;
        V.ReachedRuns += *Facts.Reached;
      }
      if (Facts.OutputDiffers && Facts.Reached.value_or(true)) {
        ++V.OutputDiffRuns;
        if (V.FirstDiff.empty())
          V.FirstDiff = diffOutput(Before[I].Stdout, *J.Expected);
      }
      if (!Facts.Confirmed)
        continue;
      ++V.ConfirmedRuns;
      if (F.isRace() && !Facts.Report)
        V.ByOutput = true;
      recordEvidence(V, Facts);
    }
    if (F.Rule == "lock-held-across-blocking-call" || F.Level == "note")
      V.Result = Outcome::NotChecked;
    else if (V.ConfirmedRuns > 0)
      V.Result = Outcome::Confirmed;
    else if (ReachKnown && V.ReachedRuns == 0)
      V.Result = Outcome::NotReached;
    else
      V.Result = Outcome::NotReproduced;
    V.StillReportedAfter =
        After.Rechecked && llvm::any_of(After.Remaining, [&](const Finding &R) {
          return R.Rule == F.Rule && R.subject() == F.subject();
        });
    V.Fixed = AfterClean && !V.StillReportedAfter;
    J.Verdicts.push_back(std::move(V));
  }

  for (size_t I = 0; I < Before.size(); ++I) {
    std::map<std::string, bool> SeenThisRun;
    for (const TsanReport &Report : Before[I].Reports) {
      bool Predicted = llvm::any_of(Findings, [&](const Finding &F) {
        return llvm::any_of(matchPoints(F), [&](const SourcePoint &P) {
          return reportPassesThrough(Report, P);
        });
      });
      if (Predicted)
        continue;
      std::string Key = Report.key();
      if (SeenThisRun[Key])
        continue;
      SeenThisRun[Key] = true;
      auto [It, New] = Recall.try_emplace(Key, Unpredicted{Report, 0});
      if (New)
        RecallOrder.push_back(Key);
      ++It->second.Runs;
    }
  }
  for (const std::string &Key : RecallOrder)
    J.Recall.push_back(Recall[Key]);
  return J;
}
