//===--- JsonOutput.cpp - racelint's own JSON format ----------------------===//
//
// Streams the document with llvm::json::OStream; member order is fixed so
// the output diffs cleanly between runs.
//
//===----------------------------------------------------------------------===//
#include "JsonOutput.h"

#include "llvm/Support/JSON.h"

namespace racelint {

namespace {
class JsonPrinter {
public:
  JsonPrinter(llvm::raw_ostream &OS, const LintRun &Run)
      : J(OS, /*IndentSize=*/2), Run(Run) {}

  void print();

private:
  void location(const SourcePoint &Where);
  void finding(const Report &R, const std::string &Fingerprint);

  llvm::json::OStream J;
  const LintRun &Run;
};
} // namespace

void JsonPrinter::location(const SourcePoint &Where) {
  J.object([&] {
    J.attribute("file",
                relativeToRoot(Where.File, Run.SrcRoot).value_or(Where.File));
    J.attribute("path", Where.File);
    J.attribute("line", Where.Line);
    J.attribute("column", Where.Column);
  });
}

void JsonPrinter::finding(const Report &R, const std::string &Fingerprint) {
  J.object([&] {
    J.attribute("rule", ruleInfo(R.RuleId).Name);
    J.attribute("level", severityName(R.Level));
    J.attribute("message", R.Message);
    J.attributeBegin("location");
    location(R.Where);
    J.attributeEnd();
    J.attribute("fingerprint", Fingerprint);
    J.attributeArray("notes", [&] {
      for (const Note &N : R.Notes)
        J.object([&] {
          J.attributeBegin("location");
          location(N.Where);
          J.attributeEnd();
          J.attribute("message", N.Message);
          J.attribute("threadStart", N.ThreadStart);
          if (N.Thread)
            J.attribute("thread", static_cast<int64_t>(*N.Thread));
        });
    });
    J.attributeArray("fixes", [&] {
      for (const Fix &F : R.Fixes)
        J.object([&] {
          J.attribute("description", F.Description);
          J.attributeArray("edits", [&] {
            for (const TextEdit &E : F.Edits)
              J.object([&] {
                J.attributeBegin("location");
                location(E.Where);
                J.attributeEnd();
                J.attribute("offset", E.Offset);
                J.attribute("length", E.Length);
                J.attribute("text", E.Text);
              });
          });
        });
    });
  });
}

void JsonPrinter::print() {
  J.object([&] {
    J.attribute("racelintJson", JsonFormatVersion);
    J.attributeObject("tool", [&] {
      J.attribute("name", "racelint");
      J.attribute("version", RACELINT_VERSION);
    });
    J.attribute("srcroot", Run.SrcRoot);
    J.attributeArray("findings", [&] {
      for (size_t I = 0; I < Run.Reports.size(); ++I)
        finding(Run.Reports[I], Run.Fingerprints[I]);
    });
    J.attributeArray("unusedSuppressions", [&] {
      for (const UnusedSuppression &U : Run.UnusedSuppressions)
        J.object([&] {
          J.attributeBegin("location");
          location(U.Where);
          J.attributeEnd();
          J.attribute("directive", U.Directive);
          J.attribute("message", U.message());
        });
    });
    J.attributeArray("errors", [&] {
      for (const ToolError &E : Run.Errors)
        J.object([&] {
          J.attribute("file", E.File);
          J.attribute("message", E.Message);
        });
    });
    J.attributeObject("summary", [&] {
      J.attribute("findings", Run.Reports.size());
      J.attribute("unusedSuppressions", Run.UnusedSuppressions.size());
      J.attribute("baselineMatches", Run.BaselineMatches);
      J.attribute("errors", Run.Errors.size());
    });
  });
}

void printJson(llvm::raw_ostream &OS, const LintRun &Run) {
  JsonPrinter(OS, Run).print();
  OS << '\n';
}

} // namespace racelint
