"""Runs a command and succeeds only if it exits with the expected status.

    expect-exit.py STATUS [--empty-dir] -- COMMAND ARGS...

lit's `not` accepts any nonzero status; racelint's contract tells 1
(findings) from 2 (usage or input error), so the tests check the number.
The command's output passes through untouched for FileCheck.

--empty-dir replaces every `{empty-dir}` in ARGS with a new empty folder
under the system's temporary folder, removed afterwards: LibTooling looks
for compile_commands.json in a folder and in every folder above it, so an
empty folder inside the build tree would find the build's own database.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    if len(argv) < 3 or "--" not in argv:
        sys.exit("usage: expect-exit.py STATUS [--empty-dir] -- COMMAND ARGS...")
    split = argv.index("--")
    options, command = argv[1:split], argv[split + 1:]
    expected = int(options[0])
    empty_dir = None
    if "--empty-dir" in options[1:]:
        empty_dir = tempfile.mkdtemp(prefix="racelint-empty-")
        command = [arg.replace("{empty-dir}", empty_dir) for arg in command]
    try:
        sys.stdout.flush()
        status = subprocess.call(command)
    finally:
        if empty_dir is not None:
            shutil.rmtree(empty_dir, ignore_errors=True)
    if status != expected:
        sys.stderr.write("expect-exit.py: expected exit status %d, got %d: %s\n"
                         % (expected, status, " ".join(command)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
