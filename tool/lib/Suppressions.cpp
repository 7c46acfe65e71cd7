//===--- Suppressions.cpp - Inline suppression comments -------------------===//
//
// Comments are found by scanning lines for "//" and "/*", not by lexing: a
// suppression inside a string literal that also looks like a comment is rare
// enough not to pay for a lexer here.
//
//===----------------------------------------------------------------------===//
#include "Suppressions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/MemoryBuffer.h"

#include <algorithm>

namespace racelint {

static bool ruleMatches(llvm::StringRef Glob, llvm::StringRef Rule) {
  llvm::Expected<llvm::GlobPattern> Pattern = llvm::GlobPattern::create(Glob);
  if (!Pattern) {
    llvm::consumeError(Pattern.takeError());
    return false;
  }
  return Pattern->match(Rule);
}

bool Suppression::covers(const Report &R) const {
  if (R.Where.Line < FirstLine || R.Where.Line > LastLine)
    return false;
  if (Rules.empty())
    return true;
  llvm::StringRef Name = ruleInfo(R.RuleId).Name;
  return llvm::any_of(
      Rules, [&](const std::string &Glob) { return ruleMatches(Glob, Name); });
}

static std::vector<std::string> splitList(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 4> Parts;
  List.split(Parts, ',', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Out;
  for (llvm::StringRef Part : Parts)
    if (!Part.trim().empty())
      Out.push_back(Part.trim().str());
  return Out;
}

/// "racelint: ignore" or "racelint: ignore[a,b]" at \p Pos of \p Comment.
static std::optional<Suppression> parseIgnore(llvm::StringRef Comment,
                                              size_t Pos) {
  llvm::StringRef Rest = Comment.drop_front(Pos + strlen("racelint:"));
  Rest = Rest.ltrim(" \t");
  if (!Rest.consume_front("ignore"))
    return std::nullopt;
  Suppression S;
  if (Rest.starts_with("[")) {
    size_t Close = Rest.find(']');
    if (Close == llvm::StringRef::npos)
      return std::nullopt;
    for (std::string &Rule : splitList(Rest.slice(1, Close))) {
      llvm::StringRef Name(Rule);
      Name.consume_front("racelint-");
      S.Rules.push_back(Name.str());
    }
    Rest = Rest.drop_front(Close + 1);
  } else if (!Rest.empty() && (llvm::isAlnum(Rest.front()) ||
                               Rest.front() == '-' || Rest.front() == '_')) {
    return std::nullopt; // "racelint: ignored", some other word.
  }
  S.Directive = Comment.slice(Pos, Comment.size() - Rest.size()).str();
  return S;
}

/// "NOLINT(...)" or "NOLINTNEXTLINE(...)" at \p Pos, when the list names at
/// least one racelint rule. \p NextLine says which one it was.
static std::optional<Suppression> parseNolint(llvm::StringRef Comment,
                                              size_t Pos, bool &NextLine) {
  llvm::StringRef Rest = Comment.drop_front(Pos + strlen("NOLINT"));
  NextLine = Rest.consume_front("NEXTLINE");
  if (!Rest.starts_with("("))
    return std::nullopt;
  size_t Close = Rest.find(')');
  if (Close == llvm::StringRef::npos)
    return std::nullopt;
  Suppression S;
  for (std::string &Check : splitList(Rest.slice(1, Close))) {
    llvm::StringRef Name(Check);
    if (Name.consume_front("racelint-"))
      S.Rules.push_back(Name.str());
  }
  if (S.Rules.empty())
    return std::nullopt;
  S.Directive =
      Comment
          .slice(Pos, Pos + strlen("NOLINT") +
                          (NextLine ? strlen("NEXTLINE") : 0) + Close + 1)
          .str();
  return S;
}

static void parseComment(llvm::StringRef Comment, unsigned Line,
                         unsigned CommentColumn,
                         std::vector<Suppression> &Out) {
  for (size_t Pos = Comment.find("racelint:"); Pos != llvm::StringRef::npos;
       Pos = Comment.find("racelint:", Pos + 1)) {
    if (std::optional<Suppression> S = parseIgnore(Comment, Pos)) {
      S->Line = Line;
      S->Column = CommentColumn + Pos;
      S->FirstLine = Line;
      S->LastLine = Line + 1;
      Out.push_back(std::move(*S));
    }
  }
  for (size_t Pos = Comment.find("NOLINT"); Pos != llvm::StringRef::npos;
       Pos = Comment.find("NOLINT", Pos + 1)) {
    bool NextLine = false;
    if (std::optional<Suppression> S = parseNolint(Comment, Pos, NextLine)) {
      S->Line = Line;
      S->Column = CommentColumn + Pos;
      S->FirstLine = S->LastLine = NextLine ? Line + 1 : Line;
      Out.push_back(std::move(*S));
    }
  }
}

std::vector<Suppression> parseSuppressions(llvm::StringRef Text) {
  std::vector<Suppression> Out;
  llvm::SmallVector<llvm::StringRef, 0> Lines;
  Text.split(Lines, '\n');
  for (unsigned I = 0; I < Lines.size(); ++I) {
    llvm::StringRef Line = Lines[I];
    size_t Start = std::min(Line.find("//"), Line.find("/*"));
    if (Start == llvm::StringRef::npos)
      continue;
    parseComment(Line.drop_front(Start), I + 1, Start + 1, Out);
  }
  return Out;
}

std::vector<Suppression> &SuppressionIndex::inFile(const std::string &File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  std::vector<Suppression> Found;
  if (auto Buffer = llvm::MemoryBuffer::getFile(File))
    Found = parseSuppressions((*Buffer)->getBuffer());
  return Files.try_emplace(File, std::move(Found)).first->second;
}

bool SuppressionIndex::suppresses(const Report &R) {
  bool Suppressed = false;
  for (Suppression &S : inFile(R.Where.File)) {
    if (!S.covers(R))
      continue;
    S.Used = true;
    Suppressed = true;
  }
  return Suppressed;
}

std::vector<UnusedSuppression>
SuppressionIndex::unused(const std::vector<std::string> &FilesToCheck) {
  std::vector<UnusedSuppression> Out;
  for (const std::string &File : FilesToCheck)
    for (const Suppression &S : inFile(File))
      if (!S.Used)
        Out.push_back({{File, S.Line, S.Column}, S.Directive});
  std::sort(Out.begin(), Out.end(),
            [](const UnusedSuppression &A, const UnusedSuppression &B) {
              return A.Where < B.Where;
            });
  Out.erase(
      std::unique(Out.begin(), Out.end(),
                  [](const UnusedSuppression &A, const UnusedSuppression &B) {
                    return A.Where == B.Where;
                  }),
      Out.end());
  return Out;
}

} // namespace racelint
