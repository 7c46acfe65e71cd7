"""Checks that racelint's JSON and SARIF outputs of one run agree.

    compare-json-sarif.py RUN.json RUN.sarif

Compares, finding by finding: rule, level, message, file, line, column,
fingerprint, and each note's message and place. Prints "same findings: N".
"""
import json
import sys


def from_json(path):
    doc = json.load(open(path))
    out = []
    for f in doc["findings"]:
        loc = f["location"]
        notes = [(n["message"], n["location"]["file"], n["location"]["line"],
                  n["location"]["column"]) for n in f["notes"]]
        out.append((f["rule"], f["level"], f["message"], loc["file"],
                    loc["line"], loc["column"], f["fingerprint"], notes))
    return out


def place(location):
    physical = location["physicalLocation"]
    region = physical.get("region", {})
    return (physical["artifactLocation"]["uri"], region.get("startLine"),
            region.get("startColumn"))


def from_sarif(path):
    doc = json.load(open(path))
    out = []
    for r in doc["runs"][0]["results"]:
        if r["ruleId"] == "unused-suppression":
            continue
        notes = [(n["message"]["text"],) + place(n)
                 for n in r.get("relatedLocations", [])]
        out.append((r["ruleId"], r["level"], r["message"]["text"])
                   + place(r["locations"][0])
                   + (r["partialFingerprints"]["racelint/v1"], notes))
    return out


def main(argv):
    a, b = from_json(argv[1]), from_sarif(argv[2])
    if a != b:
        sys.stderr.write("JSON: %r\nSARIF: %r\n" % (a, b))
        return 1
    print("same findings: %d" % len(a))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
