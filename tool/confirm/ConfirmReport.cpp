//===--- ConfirmReport.cpp - The before/after summary ---------------------===//
//
// Readable in ten seconds: a line per finding in the shape "FILE:LINE rule
// 'name' — outcome: evidence; after the fix: what changed", counts as "k of N
// runs" only when there was more than one run.
//
//===----------------------------------------------------------------------===//

#include "ConfirmReport.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

using namespace racelint::confirm;

static std::string fileName(const std::string &Path) {
  return llvm::sys::path::filename(Path).str();
}

static std::string plural(size_t N, llvm::StringRef Word) {
  return std::to_string(N) + " " + Word.str() + (N == 1 ? "" : "s");
}

/// " in k of N runs", or nothing for a single run.
static std::string inRuns(unsigned K, size_t N) {
  if (N <= 1)
    return "";
  return " in " + std::to_string(K) + " of " + std::to_string(N) + " runs";
}

static std::string lineOf(const std::string &Path, unsigned Line,
                          const std::string &File) {
  if (samePath(Path, File))
    return ":" + std::to_string(Line);
  return llvm::sys::path::filename(Path).str() + ":" + std::to_string(Line);
}

static std::string describeAccesses(const TsanReport &Report,
                                    const std::string &File) {
  std::string Text;
  for (const TsanSection &Section : Report.Sections) {
    std::string Kind = Section.accessKind();
    if (Kind.empty())
      continue;
    auto Frame = llvm::find_if(Section.Frames, [](const TsanFrame &F) {
      return F.Line != 0 && !llvm::StringRef(F.Path).starts_with("/usr/");
    });
    if (Frame == Section.Frames.end())
      continue;
    if (!Text.empty())
      Text += " / ";
    Text += Kind + " " + lineOf(Frame->Path, Frame->Line, File);
  }
  return Text;
}

static std::string quoted(const std::vector<std::string> &Lines) {
  std::string Text = "'" + Lines.front() + "'";
  if (Lines.size() > 1)
    Text += " and " + std::to_string(Lines.size() - 1) + " more line" +
            (Lines.size() > 2 ? "s" : "");
  return Text;
}

static std::string describeOutputDifference(const OutputDifference &Diff) {
  if (Diff.empty())
    return "";
  if (Diff.Missing.empty())
    return "output has " + quoted(Diff.Extra) + " too";
  if (Diff.Extra.empty())
    return "output lacks " + quoted(Diff.Missing);
  return "output " + quoted(Diff.Extra) + " (expected " + quoted(Diff.Missing) +
         ")";
}

static std::string describeReport(const TsanReport &Report,
                                  const std::string &File) {
  std::string Accesses = describeAccesses(Report, File);
  return "ThreadSanitizer " + Report.Kind +
         (Accesses.empty() ? "" : " (" + Accesses + ")");
}

/// "detached thread 'task' (started :42) still running at exit after 18 ms".
static std::string describeThread(const ShimThread &Thread,
                                  const std::string &File) {
  // SITE is FILE:LINE:COLUMN.
  auto [PathLine, Column] = llvm::StringRef(Thread.Site).rsplit(':');
  auto [Path, Line] = PathLine.rsplit(':');
  unsigned LineNo = 0;
  Line.getAsInteger(10, LineNo);
  return std::string(Thread.Detached ? "detached" : "joinable") + " thread '" +
         Thread.Entry + "' (started " + lineOf(Path.str(), LineNo, File) +
         ") still running at exit after " +
         std::to_string(Thread.RanUs / 1000) + " ms";
}

static std::string probeName(const Probe &P) {
  return std::string(P.Kind == ProbeKind::Window ? "race window" : "probe") +
         " at :" + std::to_string(P.Key.Line);
}

static std::string notReachedText(const Verdict &V) {
  const Finding &F = *V.Subject;
  if (F.isDaemon())
    return "no thread running '" + F.threadEntry() + "' was ever started";
  if (V.ProbeUsed)
    return "the " + probeName(*V.ProbeUsed) + " was never hit";
  return "the code never ran";
}

static std::string evidenceText(const Session &S, const Verdict &V) {
  const Finding &F = *V.Subject;
  size_t Runs = S.Before.size();
  std::vector<std::string> Parts;
  if (V.ByTsan)
    Parts.push_back(describeReport(*V.ByTsan, F.Where.Path));
  if (V.ByShim)
    Parts.push_back(describeThread(*V.ByShim, F.Where.Path));
  bool LostUpdateOnly = F.isRace() && !V.ByTsan;
  if (!V.FirstDiff.empty()) {
    std::string Output = (LostUpdateOnly ? "lost update in the " : "") +
                         describeOutputDifference(V.FirstDiff) +
                         inRuns(V.OutputDiffRuns, Runs);
    if (const FindingNote *Lost = F.lostOutputNote())
      Output += " (the print at :" + std::to_string(Lost->Where.Line) + ")";
    if (V.ProbeUsed && V.ProbeUsed->Kind == ProbeKind::Window)
      Output +=
          " with a race window after :" + std::to_string(V.ProbeUsed->Key.Line);
    Parts.push_back(Output);
  }
  if (LostUpdateOnly)
    Parts.push_back("no ThreadSanitizer report (it cannot see this one)");
  std::string Text;
  for (const std::string &Part : Parts)
    Text += (Text.empty() ? "" : ", ") + Part;
  return Text;
}

static std::string notReproducedText(const Session &S, const Verdict &V) {
  if (V.Subject->isDaemon())
    return "the thread ran and was gone by exit";
  std::string Text = "ran clean: ";
  if (V.ProbeUsed)
    Text += "the " + probeName(*V.ProbeUsed) + " was hit" +
            inRuns(V.ReachedRuns, S.Before.size()) + ", ";
  Text += "no ThreadSanitizer report";
  if (S.Verdicts.Expected)
    Text += ", output as the fixed build's";
  return Text;
}

/// What the expected output shows that the racy one did not: "'money = 0'",
/// "'lichang is over' printed".
static std::string expectedText(const Session &S) {
  if (!S.Verdicts.Expected)
    return "";
  for (const RunEvidence &Run : S.Before) {
    OutputDifference Diff = diffOutput(Run.Stdout, *S.Verdicts.Expected);
    if (Diff.Missing.empty())
      continue;
    std::string Text = "'" + Diff.Missing.front() + "'";
    if (Diff.Extra.empty())
      Text += " printed";
    return Text;
  }
  return "";
}

static std::string afterText(const Session &S, const Verdict &V) {
  const FixStage &After = S.After;
  if (!After.Present)
    return "no fix to try (racelint has no fix-it for it; give the fixed "
           "program with --fixed FILE)";
  std::string Text = "after " + After.Description + ": ";
  size_t Runs = After.Runs.size();
  if (V.Fixed) {
    Text += V.Subject->isDaemon() ? "no thread alive at exit" : "no report";
    Text += inRuns(S.Verdicts.CleanAfterRuns, Runs);
    std::string Expected = expectedText(S);
    if (!Expected.empty())
      Text += ", " + Expected;
    return Text;
  }
  std::vector<std::string> Left;
  if (V.StillReportedAfter)
    Left.push_back("racelint still reports it");
  unsigned WithReports = 0, WithAlive = 0, Failing = 0;
  for (const RunEvidence &Run : After.Runs) {
    WithReports += !Run.Reports.empty();
    WithAlive += !Run.AliveAtExit.empty();
    Failing += Run.Reports.empty() && Run.AliveAtExit.empty() && !Run.clean();
  }
  if (WithReports)
    Left.push_back("ThreadSanitizer still reports" + inRuns(WithReports, Runs));
  if (WithAlive)
    Left.push_back("a thread still alive at exit" + inRuns(WithAlive, Runs));
  if (Failing)
    Left.push_back("the program fails" + inRuns(Failing, Runs));
  for (const std::string &Part : Left)
    Text += (&Part == &Left.front() ? "" : ", ") + Part;
  return Text;
}

static std::string findingTitle(const Finding &F) {
  std::string Title = fileName(F.Where.Path) + ":" +
                      std::to_string(F.Where.Line) + " " + F.Rule;
  std::string Subject = F.isDaemon() ? F.threadEntry() : F.subject();
  if (!Subject.empty())
    Title += " '" + Subject + "'";
  return Title;
}

static std::string verdictLine(const Session &S, const Verdict &V) {
  std::string Line =
      findingTitle(*V.Subject) + " \u2014 " + outcomeName(V.Result);
  switch (V.Result) {
  case Outcome::Confirmed:
    Line += inRuns(V.ConfirmedRuns, S.Before.size()) + ": " +
            evidenceText(S, V) + "; " + afterText(S, V);
    return Line;
  case Outcome::NotReproduced:
    Line += inRuns(S.Before.size(), S.Before.size()) + ": " +
            notReproducedText(S, V);
    return Line;
  case Outcome::NotReached:
    Line += ": " + notReachedText(V);
    return Line;
  case Outcome::NotChecked:
    Line += ": a note-level finding, nothing to see at run time";
    return Line;
  }
  llvm_unreachable("unknown outcome");
}

static std::string unpredictedLine(const Session &S, const Unpredicted &U) {
  std::string Text =
      "unpredicted (recall gap): ThreadSanitizer " + U.Report.Kind;
  std::string Accesses = describeAccesses(U.Report, "");
  if (!Accesses.empty())
    Text += " (" + Accesses + ")";
  if (!U.Report.Location.empty())
    Text += " on " + U.Report.Location;
  Text += inRuns(U.Runs, S.Before.size());
  return Text;
}

static std::string headerLine(const Session &S) {
  std::string Files;
  for (const std::string &File : S.Files)
    Files += (Files.empty() ? "" : ", ") + fileName(File);
  std::string Text = "racelint-confirm: " + Files + ": " +
                     plural(S.Findings.size(), "finding") + "; " +
                     plural(S.Before.size(), "run") +
                     " with ThreadSanitizer and the shim";
  if (!S.Probes.empty())
    Text += " (race windows of " + std::to_string(S.WindowMs) + " ms)";
  if (S.After.Present)
    Text += ", " + plural(S.After.Runs.size(), "run") + " after " +
            S.After.Description;
  return Text;
}

void racelint::confirm::printText(llvm::raw_ostream &OS, const Session &S) {
  OS << headerLine(S) << "\n";
  for (size_t I = 0; I < S.Before.size(); ++I)
    if (!S.Before[I].Problem.empty())
      OS << "  run " << I + 1 << ": the program " << S.Before[I].Problem
         << "\n";
  if (llvm::none_of(S.Verdicts.Verdicts, [](const Verdict &V) {
        return V.Result != Outcome::NotChecked;
      }))
    OS << "no findings to confirm\n";
  for (const Verdict &V : S.Verdicts.Verdicts)
    OS << verdictLine(S, V) << "\n";
  for (const Unpredicted &U : S.Verdicts.Recall)
    OS << unpredictedLine(S, U) << "\n";

  unsigned Counts[4] = {0, 0, 0, 0};
  for (const Verdict &V : S.Verdicts.Verdicts)
    ++Counts[static_cast<int>(V.Result)];
  OS << "summary: " << Counts[0] << " confirmed, " << Counts[1]
     << " not reproduced, " << Counts[2] << " not reached";
  if (Counts[3])
    OS << ", " << Counts[3] << " not checked";
  OS << "; " << plural(S.Verdicts.Recall.size(), "unpredicted TSan report");
  if (S.After.Present) {
    OS << "; after " << S.After.Description << ": "
       << (S.Verdicts.CleanAfterRuns == S.After.Runs.size() ? "clean"
                                                            : "not clean")
       << inRuns(S.Verdicts.CleanAfterRuns, S.After.Runs.size());
  }
  OS << "\n";
}

static llvm::json::Object pointJson(const SourcePoint &P) {
  return llvm::json::Object{{"path", P.Path}, {"line", P.Line}};
}

static llvm::json::Object runJson(const RunEvidence &Run) {
  llvm::json::Array Reports, Alive;
  for (const TsanReport &R : Run.Reports)
    Reports.push_back(llvm::json::Object{
        {"kind", R.Kind}, {"summary", R.Summary}, {"location", R.Location}});
  for (const ShimThread &T : Run.AliveAtExit)
    Alive.push_back(llvm::json::Object{{"entry", T.Entry},
                                       {"site", T.Site},
                                       {"detached", T.Detached},
                                       {"ranUs", int64_t(T.RanUs)}});
  llvm::json::Object Hits;
  for (const auto &[Key, Count] : Run.WindowHits)
    Hits[Key] = int64_t(Count);
  return llvm::json::Object{{"exitCode", Run.ExitCode},
                            {"timedOut", Run.TimedOut},
                            {"problem", Run.Problem},
                            {"seconds", Run.Seconds},
                            {"stdout", Run.Stdout},
                            {"tsanReports", std::move(Reports)},
                            {"aliveAtExit", std::move(Alive)},
                            {"windowHits", std::move(Hits)},
                            {"clean", Run.clean()}};
}

void racelint::confirm::printJson(llvm::raw_ostream &OS, const Session &S) {
  llvm::json::Array Verdicts;
  for (const Verdict &V : S.Verdicts.Verdicts) {
    const Finding &F = *V.Subject;
    llvm::json::Object Item{
        {"rule", F.Rule},
        {"subject", F.isDaemon() ? F.threadEntry() : F.subject()},
        {"message", F.Message},
        {"location", pointJson(F.Where)},
        {"outcome", outcomeName(V.Result)},
        {"runs", V.Runs},
        {"confirmedRuns", V.ConfirmedRuns},
        {"reachedRuns", V.ReachedRuns},
        {"tsan", V.ByTsan ? describeReport(*V.ByTsan, F.Where.Path) : ""},
        {"shim", V.ByShim ? describeThread(*V.ByShim, F.Where.Path) : ""},
        {"byOutput", V.ByOutput},
        {"outputDifference", describeOutputDifference(V.FirstDiff)},
        {"outputDifferentRuns", V.OutputDiffRuns},
        {"fixed", V.Fixed},
        {"stillReportedAfterFix", V.StillReportedAfter},
        {"line", verdictLine(S, V)}};
    if (V.Result == Outcome::NotReached)
      Item["notReached"] = notReachedText(V);
    Verdicts.push_back(std::move(Item));
  }
  llvm::json::Array Recall;
  for (const Unpredicted &U : S.Verdicts.Recall)
    Recall.push_back(llvm::json::Object{{"kind", U.Report.Kind},
                                        {"summary", U.Report.Summary},
                                        {"location", U.Report.Location},
                                        {"runs", U.Runs},
                                        {"line", unpredictedLine(S, U)}});
  llvm::json::Array Probes;
  for (const Probe &P : S.Probes)
    Probes.push_back(llvm::json::Object{
        {"key", P.key()},
        {"kind", P.Kind == ProbeKind::Window ? "window" : "reach"},
        {"insertedAtLine", P.InsertedAtLine}});
  llvm::json::Array Before, After;
  for (const RunEvidence &Run : S.Before)
    Before.push_back(runJson(Run));
  for (const RunEvidence &Run : S.After.Runs)
    After.push_back(runJson(Run));
  llvm::json::Object Fix{{"present", S.After.Present},
                         {"description", S.After.Description},
                         {"runs", std::move(After)},
                         {"cleanRuns", S.Verdicts.CleanAfterRuns}};
  if (S.Verdicts.Expected)
    Fix["expectedOutput"] = *S.Verdicts.Expected;
  if (S.After.Rechecked) {
    llvm::json::Array Remaining;
    for (const Finding &F : S.After.Remaining)
      Remaining.push_back(F.Rule);
    Fix["findingsAfterFix"] = std::move(Remaining);
  }
  llvm::json::Array Files;
  for (const std::string &File : S.Files)
    Files.push_back(File);
  llvm::json::Object Root{{"racelintConfirm", 1},
                          {"files", std::move(Files)},
                          {"windowMs", S.WindowMs},
                          {"probes", std::move(Probes)},
                          {"findings", std::move(Verdicts)},
                          {"unpredicted", std::move(Recall)},
                          {"before", std::move(Before)},
                          {"fix", std::move(Fix)},
                          {"exitStatus", exitStatus(S)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

int racelint::confirm::exitStatus(const Session &S) {
  if (!S.Verdicts.Recall.empty())
    return 1;
  for (const Verdict &V : S.Verdicts.Verdicts) {
    if (V.Result == Outcome::NotChecked)
      continue;
    if (V.Result != Outcome::Confirmed || !V.Fixed)
      return 1;
  }
  return 0;
}
