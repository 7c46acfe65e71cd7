//===--- Config.h - The project's .racelint.yaml ----------------*- C++ -*-===//
//
// A project tells racelint what it cannot see in the code: which rules to
// run, which paths are not its own (skip), its own lock and thread-start
// functions, and functions that only ever run on one thread. The nearest
// .racelint.yaml above a file governs that file, like clang-tidy's
// .clang-tidy; a malformed one stops the run with its file and line.
//
//===----------------------------------------------------------------------===//
#ifndef RACELINT_CONFIG_H
#define RACELINT_CONFIG_H

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace racelint {

/// The name looked for in each folder from a file up to the root.
inline constexpr llvm::StringLiteral ConfigFileName = ".racelint.yaml";

/// A project's own lock: calling Lock acquires what Unlock releases; the lock
/// is the object the call is made on, or else its first argument.
struct LockFunctionPair {
  std::string Lock;
  std::string Unlock;
};

/// A project's own way to start a thread (a pool's submit(fn)): the callable
/// passed as argument CallableArgument runs on another thread.
struct ThreadStartFunction {
  std::string Function;
  unsigned CallableArgument = 0;
};

/// What the analysis is told about the project's code, by qualified names.
struct AnalysisHints {
  std::vector<LockFunctionPair> LockFunctions;
  std::vector<ThreadStartFunction> ThreadStartFunctions;
  /// Functions known to run on one thread only: their accesses race with
  /// nothing started from elsewhere.
  std::vector<std::string> SingleThreadFunctions;
};

struct ProjectConfig {
  /// The .racelint.yaml this came from, and its folder.
  std::string Path;
  std::string Folder;
  /// Rule globs, applied before --checks (so the command line wins).
  std::optional<std::string> Checks;
  /// Globs of paths relative to Folder that racelint neither analyses nor
  /// reports findings in.
  std::vector<std::string> Skip;
  AnalysisHints Hints;

  /// Parses the text of the file at \p Path; an error reads
  /// "FILE:LINE:COLUMN: what is wrong".
  static llvm::Expected<ProjectConfig> parse(llvm::StringRef Text,
                                             llvm::StringRef Path);

  /// True if the absolute path \p File lies in a skipped path.
  bool skips(llvm::StringRef File) const;
};

/// Finds, reads and caches the configuration governing each file.
class ConfigFinder {
public:
  /// The configuration for the absolute path \p File, or nullptr if no
  /// folder above it holds one.
  llvm::Expected<const ProjectConfig *> find(llvm::StringRef File);

private:
  llvm::Expected<const ProjectConfig *> inFolder(llvm::StringRef Folder);

  /// By folder; a null entry means "none here or above".
  llvm::StringMap<std::shared_ptr<ProjectConfig>> ByFolder;
};

} // namespace racelint

#endif
