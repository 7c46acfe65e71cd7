//===--- Confirm.h - racelint-confirm's vocabulary -------------*- C++ -*-===//
//
// The data racelint-confirm passes between its steps: the checker's findings,
// the probes placed in a copy of the source, what one run of the instrumented
// program showed, and the verdict on each finding. Plain values; the steps
// that fill them live in their own files.
//
// Glossary, used exactly in the code:
//   finding      one static report of racelint's (its JSON form).
//   probe        a call __racelint_window("FILE", LINE) inserted in a copy of
//                the source; FILE:LINE (the original's) is its key.
//   window       a probe that pauses the thread (between a read and a write);
//                a reach probe only counts hits (0 ms).
//   run          one execution of a build; its evidence is TSan's reports,
//                the shim's events and the program's output.
//   before/after the build of the user's sources with probes, and the build
//                of the fixed sources (fix-its on a copy, or a fixed twin).
//   outcome      confirmed, not reproduced, not reached (or not checked).
//   unpredicted  a TSan report that no finding predicted: a recall gap.
//
//===----------------------------------------------------------------------===//

#ifndef RACELINT_CONFIRM_CONFIRM_H
#define RACELINT_CONFIRM_CONFIRM_H

#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelint::confirm {

/// A place in a source file; Path is absolute.
struct SourcePoint {
  std::string Path;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct FindingNote {
  SourcePoint Where;
  std::string Message;
  bool ThreadStart = false;
};

/// One finding of `racelint --format=json`.
struct Finding {
  std::string Rule;
  std::string Level;
  std::string Message;
  SourcePoint Where;
  std::vector<FindingNote> Notes;
  bool HasFix = false;

  /// The first name quoted in the message ('money', or a thread's entry).
  std::string subject() const;
  /// The note at the read of a read-modify-write, if any.
  const FindingNote *readNote() const;
  /// The note where a split critical section releases its lock, if any.
  const FindingNote *releaseNote() const;
  /// The places of the accesses involved: the write, the read and the other
  /// thread's access.
  std::vector<SourcePoint> accessPoints() const;
  /// The entry function of the detached thread of a daemon-thread finding.
  std::string threadEntry() const;
  /// The note saying which output the thread may never print, if any.
  const FindingNote *lostOutputNote() const;
  bool isRace() const;
  bool isDaemon() const;
};

enum class ProbeKind { Window, Reach };

/// A probe placed in the before build.
struct Probe {
  SourcePoint Key; ///< The original file and line the probe stands for.
  ProbeKind Kind = ProbeKind::Window;
  unsigned InsertedAtLine = 0; ///< Where the call went (the same file).
  std::string key() const;     ///< "PATH:LINE", as the windows file names it.
};

struct TsanFrame {
  std::string Function;
  std::string Path;
  unsigned Line = 0;
};

/// One block of a TSan report: a header ("Write of size 4 at ... by thread
/// T2:") and its stack.
struct TsanSection {
  std::string Header;
  std::vector<TsanFrame> Frames;
  /// Not a "created by" or "allocated by" stack: the section says where the
  /// program did something the report is about.
  bool isEvidence() const;
  /// "write", "read", "atomic write", ... for a memory access, else "".
  std::string accessKind() const;
};

/// One "WARNING: ThreadSanitizer: ..." report.
struct TsanReport {
  std::string Kind; ///< "data race", "lock-order-inversion (potential ...)".
  std::string Location; ///< "global 'money'" from "Location is ...", if any.
  std::string Summary;  ///< The SUMMARY line, without its prefix.
  std::vector<TsanSection> Sections;
  /// Identifies the report across runs: kind and the evidence's top frames.
  std::string key() const;
};

/// A thread the shim saw start, and whether it was still running at exit.
struct ShimThread {
  std::string Entry;
  std::string Site; ///< "file:line:column" of the creating call.
  bool Detached = false;
  unsigned long RanUs = 0;
};

/// What one run of a build showed.
struct RunEvidence {
  int ExitCode = 0;
  bool TimedOut = false;
  bool StartFailed = false;
  std::string Problem; ///< Why the run did not end normally, if it did not.
  std::string Stdout;
  std::string Stderr;
  std::vector<TsanReport> Reports;
  std::vector<ShimThread> Started;
  std::vector<ShimThread> AliveAtExit;
  std::map<std::string, unsigned long> WindowHits; ///< By probe key.
  bool ExitEventSeen = false;
  double Seconds = 0;

  /// Nothing wrong: exit status 0, no TSan report, no thread alive at exit.
  bool clean() const;
};

enum class Outcome { Confirmed, NotReproduced, NotReached, NotChecked };

/// The lines of one output missing from, or extra to, another's, regardless
/// of their order (threads print in any order).
struct OutputDifference {
  std::vector<std::string> Missing; ///< Expected but not printed.
  std::vector<std::string> Extra;   ///< Printed but not expected.
  bool empty() const { return Missing.empty() && Extra.empty(); }
};

/// The verdict on one finding over all runs.
struct Verdict {
  const Finding *Subject = nullptr;
  Outcome Result = Outcome::NotReproduced;
  unsigned Runs = 0;
  unsigned ConfirmedRuns = 0;
  unsigned ReachedRuns = 0;
  const Probe *ProbeUsed = nullptr; ///< The finding's probe, if it got one.
  std::optional<TsanReport> ByTsan; ///< The first TSan report that matched.
  std::optional<ShimThread> ByShim; ///< The first thread alive at exit.
  bool ByOutput = false; ///< Confirmed by the output alone in some run.
  unsigned OutputDiffRuns = 0;
  OutputDifference FirstDiff; ///< The first differing run's, against the
                              ///< fixed build's output.
  bool Fixed = false;
  bool StillReportedAfter = false; ///< racelint still reports it on the fix.
};

/// Two paths name the same file: equal, or one ends with the other at a '/'
/// (a probe's key may be a file name alone).
bool samePath(llvm::StringRef A, llvm::StringRef B);

const char *outcomeName(Outcome O);

} // namespace racelint::confirm

#endif
