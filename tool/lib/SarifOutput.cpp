//===--- SarifOutput.cpp - SARIF 2.1.0 for code-scanning UIs --------------===//
//
// Written with llvm::json::OStream rather than clang's SarifDocumentWriter:
// that one needs a live SourceManager, and racelint prints after every TU is
// gone.
//
//===----------------------------------------------------------------------===//
#include "SarifOutput.h"

#include "Fingerprint.h"

#include "llvm/ADT/MapVector.h"
#include "llvm/Support/JSON.h"

namespace racelint {

namespace {
class SarifPrinter {
public:
  SarifPrinter(llvm::raw_ostream &OS, const LintRun &Run)
      : J(OS, /*IndentSize=*/2), Run(Run) {}

  void print();

private:
  void rules();
  void rule(llvm::StringRef Id, llvm::StringRef Summary, Severity Level);
  void artifactLocation(llvm::StringRef File);
  void physicalLocation(const SourcePoint &Where);
  void location(const SourcePoint &Where, const std::string *Message);
  void result(const Report &R, const std::string &Fingerprint);
  void codeFlows(const Report &R);
  void fixes(const Report &R);
  void unusedSuppression(const UnusedSuppression &U);
  void invocation();

  llvm::json::OStream J;
  const LintRun &Run;
};
} // namespace

static std::string ruleHelp(llvm::StringRef Id, llvm::StringRef Summary) {
  return ("racelint reports " + Summary + ".\n\nTo accept one finding, put " +
          "'// racelint: ignore[" + Id + "]' on its line or the line before; " +
          "to turn the rule off, use --checks=-" + Id +
          " or 'checks' in .racelint.yaml.")
      .str();
}

void SarifPrinter::rule(llvm::StringRef Id, llvm::StringRef Summary,
                        Severity Level) {
  J.object([&] {
    J.attribute("id", Id);
    J.attributeObject("shortDescription",
                      [&] { J.attribute("text", Summary); });
    J.attributeObject("fullDescription", [&] {
      J.attribute("text", ("racelint's '" + Id + "' rule reports " + Summary +
                           ". Default level: " + severityName(Level) + ".")
                              .str());
    });
    J.attributeObject("help",
                      [&] { J.attribute("text", ruleHelp(Id, Summary)); });
    J.attributeObject("defaultConfiguration",
                      [&] { J.attribute("level", severityName(Level)); });
  });
}

void SarifPrinter::rules() {
  J.attributeArray("rules", [&] {
    for (const RuleInfo &Info : allRules())
      rule(Info.Name, Info.Summary, Info.DefaultLevel);
    rule(UnusedSuppressionRule,
         "a suppression comment that suppresses no finding (reported with "
         "--report-unused-suppressions)",
         Severity::Warning);
  });
}

void SarifPrinter::artifactLocation(llvm::StringRef File) {
  J.attributeObject("artifactLocation", [&] {
    if (std::optional<std::string> Relative =
            relativeToRoot(File, Run.SrcRoot)) {
      J.attribute("uri", uriEscape(*Relative));
      J.attribute("uriBaseId", SrcRootBaseId);
      return;
    }
    J.attribute("uri", fileUri(File));
  });
}

void SarifPrinter::physicalLocation(const SourcePoint &Where) {
  J.attributeObject("physicalLocation", [&] {
    artifactLocation(Where.File);
    if (Where.Line == 0)
      return;
    J.attributeObject("region", [&] {
      J.attribute("startLine", Where.Line);
      if (Where.Column > 0)
        J.attribute("startColumn", Where.Column);
    });
  });
}

void SarifPrinter::location(const SourcePoint &Where,
                            const std::string *Message) {
  physicalLocation(Where);
  if (Message)
    J.attributeObject("message", [&] { J.attribute("text", *Message); });
}

static unsigned ruleIndex(Rule R) {
  llvm::ArrayRef<RuleInfo> Rules = allRules();
  for (unsigned I = 0; I < Rules.size(); ++I)
    if (Rules[I].Id == R)
      return I;
  llvm_unreachable("every Rule has a catalog row");
}

// One code flow per thread the finding involves: where the thread starts,
// then its steps (the read, a release), ending at its access — the primary
// location for the writing thread, or for another instance of the same code.
void SarifPrinter::codeFlows(const Report &R) {
  if (llvm::none_of(R.Notes, [](const Note &N) { return N.ThreadStart; }))
    return;
  auto Step = [&](const SourcePoint &Where, const std::string &Message) {
    J.object([&] {
      J.attributeObject("location", [&] { location(Where, &Message); });
    });
  };
  J.attributeArray("codeFlows", [&] {
    for (const Note &Start : R.Notes) {
      if (!Start.ThreadStart)
        continue;
      J.object([&] {
        J.attributeObject("message",
                          [&] { J.attribute("text", Start.Message); });
        J.attributeArray("threadFlows", [&] {
          J.object([&] {
            J.attributeArray("locations", [&] {
              Step(Start.Where, Start.Message);
              bool AccessNoted = false;
              for (const Note &N : R.Notes)
                if (!N.ThreadStart && N.Thread && N.Thread == Start.Thread) {
                  Step(N.Where, N.Message);
                  AccessNoted |= *N.Thread != 0;
                }
              if (!AccessNoted)
                Step(R.Where, R.Message);
            });
          });
        });
      });
    }
  });
}

void SarifPrinter::fixes(const Report &R) {
  if (R.Fixes.empty())
    return;
  J.attributeArray("fixes", [&] {
    for (const Fix &F : R.Fixes) {
      // SARIF groups a fix's replacements by file.
      llvm::MapVector<llvm::StringRef, std::vector<const TextEdit *>> ByFile;
      for (const TextEdit &E : F.Edits)
        ByFile[E.Where.File].push_back(&E);
      J.object([&] {
        J.attributeObject("description",
                          [&] { J.attribute("text", F.Description); });
        J.attributeArray("artifactChanges", [&] {
          for (const auto &[File, Edits] : ByFile)
            J.object([&] {
              artifactLocation(File);
              J.attributeArray("replacements", [&] {
                for (const TextEdit *E : Edits)
                  J.object([&] {
                    J.attributeObject("deletedRegion", [&] {
                      J.attribute("byteOffset", E->Offset);
                      J.attribute("byteLength", E->Length);
                    });
                    J.attributeObject("insertedContent",
                                      [&] { J.attribute("text", E->Text); });
                  });
              });
            });
        });
      });
    }
  });
}

void SarifPrinter::result(const Report &R, const std::string &Fingerprint) {
  J.object([&] {
    J.attribute("ruleId", ruleInfo(R.RuleId).Name);
    J.attribute("ruleIndex", ruleIndex(R.RuleId));
    J.attribute("level", severityName(R.Level));
    J.attributeObject("message", [&] { J.attribute("text", R.Message); });
    J.attributeArray("locations",
                     [&] { J.object([&] { location(R.Where, nullptr); }); });
    if (!R.Notes.empty())
      J.attributeArray("relatedLocations", [&] {
        for (unsigned I = 0; I < R.Notes.size(); ++I)
          J.object([&] {
            J.attribute("id", I);
            location(R.Notes[I].Where, &R.Notes[I].Message);
          });
      });
    codeFlows(R);
    fixes(R);
    J.attributeObject("partialFingerprints",
                      [&] { J.attribute(FingerprintName, Fingerprint); });
  });
}

void SarifPrinter::unusedSuppression(const UnusedSuppression &U) {
  J.object([&] {
    J.attribute("ruleId", UnusedSuppressionRule);
    J.attribute("ruleIndex", allRules().size());
    J.attribute("level", "warning");
    J.attributeObject("message", [&] { J.attribute("text", U.message()); });
    J.attributeArray("locations",
                     [&] { J.object([&] { location(U.Where, nullptr); }); });
  });
}

void SarifPrinter::invocation() {
  J.attributeArray("invocations", [&] {
    J.object([&] {
      J.attribute("executionSuccessful", Run.Errors.empty());
      if (Run.Errors.empty())
        return;
      J.attributeArray("toolExecutionNotifications", [&] {
        for (const ToolError &E : Run.Errors)
          J.object([&] {
            J.attribute("level", "error");
            J.attributeObject("message",
                              [&] { J.attribute("text", E.Message); });
            J.attributeArray("locations", [&] {
              J.object([&] { location({E.File, 0, 0}, nullptr); });
            });
          });
      });
    });
  });
}

void SarifPrinter::print() {
  J.object([&] {
    J.attribute("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    J.attribute("version", "2.1.0");
    J.attributeArray("runs", [&] {
      J.object([&] {
        J.attributeObject("tool", [&] {
          J.attributeObject("driver", [&] {
            J.attribute("name", "racelint");
            J.attribute("version", RACELINT_VERSION);
            J.attribute("semanticVersion", RACELINT_VERSION);
            rules();
          });
        });
        J.attributeObject("originalUriBaseIds", [&] {
          J.attributeObject(SrcRootBaseId, [&] {
            J.attribute("uri", fileUri(Run.SrcRoot, /*IsFolder=*/true));
          });
        });
        invocation();
        J.attributeArray("results", [&] {
          for (size_t I = 0; I < Run.Reports.size(); ++I)
            result(Run.Reports[I], Run.Fingerprints[I]);
          for (const UnusedSuppression &U : Run.UnusedSuppressions)
            unusedSuppression(U);
        });
      });
    });
  });
}

void printSarif(llvm::raw_ostream &OS, const LintRun &Run) {
  SarifPrinter(OS, Run).print();
  OS << '\n';
}

} // namespace racelint
