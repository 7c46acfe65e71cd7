//===--- Config.cpp - The project's .racelint.yaml ------------------------===//
//
// Read with LLVM's YAML parser rather than YAMLTraits: every error, syntax or
// meaning, is reported at the node it concerns, with its line and column.
//
//===----------------------------------------------------------------------===//
#include "Config.h"

#include "Checker.h"

#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

namespace racelint {

namespace yaml = llvm::yaml;

namespace {
/// Walks one document and keeps the first error, formatted on one line.
class ConfigParser {
public:
  ConfigParser(llvm::StringRef Text, llvm::StringRef Path)
      : Buffer(llvm::MemoryBuffer::getMemBuffer(Text, Path)) {
    SM.setDiagHandler(
        [](const llvm::SMDiagnostic &D, void *Context) {
          auto &First = *static_cast<std::string *>(Context);
          if (First.empty())
            First = (D.getFilename() + ":" + llvm::Twine(D.getLineNo()) + ":" +
                     llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                        .str();
        },
        &FirstError);
  }

  llvm::Expected<ProjectConfig> parse(llvm::StringRef Path);

private:
  void error(yaml::Node *N, const llvm::Twine &Message) {
    if (N)
      Stream->printError(N, Message);
    else if (FirstError.empty())
      FirstError = (Buffer->getBufferIdentifier() + ": " + Message).str();
  }
  void readKey(yaml::KeyValueNode &Entry, ProjectConfig &Config);
  std::optional<std::string> scalar(yaml::Node *N, llvm::StringRef What);
  std::vector<std::string> scalarList(yaml::Node *N, llvm::StringRef What);
  void readChecks(yaml::Node *N, ProjectConfig &Config);
  void readSkip(yaml::Node *N, ProjectConfig &Config);
  void readLockFunctions(yaml::Node *N, AnalysisHints &Hints);
  void readThreadStartFunctions(yaml::Node *N, AnalysisHints &Hints);

  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  llvm::SourceMgr SM;
  std::unique_ptr<yaml::Stream> Stream;
  std::string FirstError;
};
} // namespace

static constexpr llvm::StringLiteral KnownKeys =
    "checks, skip, lock-functions, thread-start-functions, "
    "single-thread-functions";

llvm::Expected<ProjectConfig> ConfigParser::parse(llvm::StringRef Path) {
  ProjectConfig Config;
  Config.Path = Path.str();
  Config.Folder = llvm::sys::path::parent_path(Path).str();
  Stream = std::make_unique<yaml::Stream>(Buffer->getMemBufferRef(), SM,
                                          /*ShowColors=*/false);
  yaml::document_iterator Document = Stream->begin();
  if (Document != Stream->end()) {
    yaml::Node *Root = Document->getRoot();
    if (auto *Map = llvm::dyn_cast_or_null<yaml::MappingNode>(Root)) {
      for (yaml::KeyValueNode &Entry : *Map)
        readKey(Entry, Config);
    } else if (Root && !llvm::isa<yaml::NullNode>(Root)) {
      error(Root, "expected a mapping with keys " + KnownKeys);
    }
    // Any further document is an error too; skipping makes the parser scan it.
    if (++Document != Stream->end() && FirstError.empty())
      error(Document->getRoot(), "expected one YAML document, found several");
  }
  if (!FirstError.empty() || Stream->failed())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        FirstError.empty() ? Path.str() + ": malformed YAML" : FirstError);
  return Config;
}

void ConfigParser::readKey(yaml::KeyValueNode &Entry, ProjectConfig &Config) {
  auto *KeyNode = llvm::dyn_cast_or_null<yaml::ScalarNode>(Entry.getKey());
  yaml::Node *Value = Entry.getValue();
  if (!KeyNode || !Value) {
    if (KeyNode)
      return; // The parser has reported the broken value.
    error(Entry.getKey(), "expected a key name");
    return;
  }
  llvm::SmallString<32> Storage;
  llvm::StringRef Key = KeyNode->getValue(Storage);
  if (Key == "checks")
    return readChecks(Value, Config);
  if (Key == "skip")
    return readSkip(Value, Config);
  if (Key == "lock-functions")
    return readLockFunctions(Value, Config.Hints);
  if (Key == "thread-start-functions")
    return readThreadStartFunctions(Value, Config.Hints);
  if (Key == "single-thread-functions") {
    Config.Hints.SingleThreadFunctions =
        scalarList(Value, "a list of function names");
    return;
  }
  error(KeyNode, "unknown key '" + Key + "' (known keys: " + KnownKeys + ")");
  Value->skip();
}

std::optional<std::string> ConfigParser::scalar(yaml::Node *N,
                                                llvm::StringRef What) {
  auto *Scalar = llvm::dyn_cast_or_null<yaml::ScalarNode>(N);
  if (!Scalar) {
    if (N)
      error(N, "expected " + What);
    return std::nullopt;
  }
  llvm::SmallString<64> Storage;
  return Scalar->getValue(Storage).str();
}

/// A sequence of scalars; a single scalar is a list of one.
std::vector<std::string> ConfigParser::scalarList(yaml::Node *N,
                                                  llvm::StringRef What) {
  std::vector<std::string> Out;
  if (llvm::isa_and_nonnull<yaml::ScalarNode>(N)) {
    if (std::optional<std::string> One = scalar(N, What))
      Out.push_back(std::move(*One));
    return Out;
  }
  auto *Sequence = llvm::dyn_cast_or_null<yaml::SequenceNode>(N);
  if (!Sequence) {
    if (N)
      error(N, "expected " + What);
    return Out;
  }
  for (yaml::Node &Item : *Sequence)
    if (std::optional<std::string> One = scalar(&Item, What))
      Out.push_back(std::move(*One));
  return Out;
}

void ConfigParser::readChecks(yaml::Node *N, ProjectConfig &Config) {
  std::vector<std::string> Globs =
      scalarList(N, "rule globs: a string like '-*,data-race' or a list");
  std::string Joined = llvm::join(Globs, ",");
  if (llvm::Expected<RuleFilter> Filter = RuleFilter::parse(Joined); !Filter) {
    error(N, llvm::toString(Filter.takeError()));
    return;
  }
  Config.Checks = Joined;
}

void ConfigParser::readSkip(yaml::Node *N, ProjectConfig &Config) {
  Config.Skip = scalarList(N, "a list of path globs");
  for (const std::string &Glob : Config.Skip) {
    llvm::Expected<llvm::GlobPattern> Pattern =
        llvm::GlobPattern::create(llvm::StringRef(Glob).rtrim('/'));
    if (!Pattern) {
      error(N, "bad path glob '" + Glob +
                   "': " + llvm::toString(Pattern.takeError()));
      return;
    }
  }
}

/// Calls \p ReadField for each key of a mapping, rejecting non-mappings.
template <typename Callback>
static bool forEachField(yaml::Node *N, Callback ReadField) {
  auto *Map = llvm::dyn_cast_or_null<yaml::MappingNode>(N);
  if (!Map)
    return false;
  for (yaml::KeyValueNode &Field : *Map) {
    auto *Key = llvm::dyn_cast_or_null<yaml::ScalarNode>(Field.getKey());
    llvm::SmallString<32> Storage;
    ReadField(Key, Key ? Key->getValue(Storage) : "", Field.getValue());
  }
  return true;
}

void ConfigParser::readLockFunctions(yaml::Node *N, AnalysisHints &Hints) {
  auto *Sequence = llvm::dyn_cast_or_null<yaml::SequenceNode>(N);
  if (!Sequence) {
    error(N, "expected a list of {lock: NAME, unlock: NAME}");
    return;
  }
  for (yaml::Node &Item : *Sequence) {
    LockFunctionPair Pair;
    bool IsMap = forEachField(
        &Item, [&](yaml::Node *Key, llvm::StringRef Name, yaml::Node *Value) {
          if (Name == "lock")
            Pair.Lock = scalar(Value, "a function name").value_or("");
          else if (Name == "unlock")
            Pair.Unlock = scalar(Value, "a function name").value_or("");
          else
            error(Key, "unknown key '" + Name + "' (known keys: lock, unlock)");
        });
    if (!IsMap || Pair.Lock.empty() || Pair.Unlock.empty()) {
      error(&Item, "expected {lock: NAME, unlock: NAME}");
      return;
    }
    Hints.LockFunctions.push_back(std::move(Pair));
  }
}

void ConfigParser::readThreadStartFunctions(yaml::Node *N,
                                            AnalysisHints &Hints) {
  auto *Sequence = llvm::dyn_cast_or_null<yaml::SequenceNode>(N);
  if (!Sequence) {
    error(N, "expected a list of function names or "
             "{function: NAME, callable-argument: N}");
    return;
  }
  for (yaml::Node &Item : *Sequence) {
    ThreadStartFunction Start;
    if (llvm::isa<yaml::ScalarNode>(&Item)) {
      Start.Function = scalar(&Item, "a function name").value_or("");
      Hints.ThreadStartFunctions.push_back(std::move(Start));
      continue;
    }
    bool IsMap = forEachField(&Item, [&](yaml::Node *Key, llvm::StringRef Name,
                                         yaml::Node *Value) {
      if (Name == "function") {
        Start.Function = scalar(Value, "a function name").value_or("");
        return;
      }
      if (Name != "callable-argument") {
        error(Key, "unknown key '" + Name +
                       "' (known keys: function, callable-argument)");
        return;
      }
      std::optional<std::string> Index =
          scalar(Value, "an argument index (0 is the first argument)");
      if (Index &&
          llvm::StringRef(*Index).getAsInteger(10, Start.CallableArgument))
        error(Value, "expected an argument index (0 is the first argument)");
    });
    if (!IsMap || Start.Function.empty()) {
      error(&Item, "expected a function name or "
                   "{function: NAME, callable-argument: N}");
      return;
    }
    Hints.ThreadStartFunctions.push_back(std::move(Start));
  }
}

llvm::Expected<ProjectConfig> ProjectConfig::parse(llvm::StringRef Text,
                                                   llvm::StringRef Path) {
  return ConfigParser(Text, Path).parse(Path);
}

static bool globMatches(llvm::StringRef Glob, llvm::StringRef Path) {
  llvm::Expected<llvm::GlobPattern> Pattern =
      llvm::GlobPattern::create(Glob.rtrim('/'));
  if (!Pattern) {
    llvm::consumeError(Pattern.takeError());
    return false;
  }
  return Pattern->match(Path);
}

bool ProjectConfig::skips(llvm::StringRef File) const {
  if (Skip.empty() || !File.starts_with(Folder))
    return false;
  llvm::StringRef Relative = File.drop_front(Folder.size());
  if (!Relative.empty() && !llvm::sys::path::is_separator(Relative.front()))
    return false;
  std::string Slashed =
      llvm::sys::path::convert_to_slash(Relative.ltrim("/\\"));
  // A glob naming a folder skips everything under it: try the path and each
  // of its parent folders.
  for (llvm::StringRef Candidate = Slashed; !Candidate.empty();
       Candidate = llvm::sys::path::parent_path(Candidate,
                                                llvm::sys::path::Style::posix))
    for (const std::string &Glob : Skip)
      if (globMatches(Glob, Candidate))
        return true;
  return false;
}

llvm::Expected<const ProjectConfig *> ConfigFinder::find(llvm::StringRef File) {
  return inFolder(llvm::sys::path::parent_path(File));
}

llvm::Expected<const ProjectConfig *>
ConfigFinder::inFolder(llvm::StringRef Folder) {
  if (Folder.empty())
    return nullptr;
  auto Cached = ByFolder.find(Folder);
  if (Cached != ByFolder.end())
    return Cached->second.get();
  llvm::SmallString<256> Candidate(Folder);
  llvm::sys::path::append(Candidate, ConfigFileName);
  std::shared_ptr<ProjectConfig> Found;
  if (auto Buffer = llvm::MemoryBuffer::getFile(Candidate)) {
    llvm::Expected<ProjectConfig> Parsed =
        ProjectConfig::parse((*Buffer)->getBuffer(), Candidate);
    if (!Parsed)
      return Parsed.takeError();
    Found = std::make_shared<ProjectConfig>(std::move(*Parsed));
  } else {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Folder);
    if (Parent != Folder) {
      llvm::Expected<const ProjectConfig *> Above = inFolder(Parent);
      if (!Above)
        return Above.takeError();
      if (*Above)
        Found = ByFolder[Parent];
    }
  }
  ByFolder[Folder] = Found;
  return Found.get();
}

} // namespace racelint
