"""Validates SARIF files against the SARIF 2.1.0 JSON schema.

    validate-sarif.py SCHEMA FILE...

Fails, saying why, when the schema is missing (a test that cannot validate
must not pass), when python3-jsonschema is not installed, or when a file
does not validate. Prints "valid: FILE" for each file that does.
"""
import json
import os
import sys


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: validate-sarif.py SCHEMA FILE...")
    schema_path, files = argv[1], argv[2:]
    if not os.path.isfile(schema_path):
        sys.exit("validate-sarif.py: the SARIF schema is missing: %s "
                 "(expected the shared folder beside the checkout)"
                 % schema_path)
    try:
        import jsonschema
    except ImportError:
        sys.exit("validate-sarif.py: python3-jsonschema is not installed")
    with open(schema_path) as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    failed = False
    for path in files:
        with open(path) as f:
            document = json.load(f)
        errors = sorted(validator.iter_errors(document), key=lambda e: e.path)
        for error in errors:
            failed = True
            where = "/".join(str(p) for p in error.absolute_path)
            sys.stderr.write("%s: /%s: %s\n" % (path, where, error.message))
        if not errors:
            print("valid: %s" % os.path.basename(path))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
