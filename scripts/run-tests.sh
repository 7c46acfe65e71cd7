#!/usr/bin/env bash
# The README's second command: set up (packages, configure, build), then run
# every test suite through ctest, so the run ends with ctest's summary line.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

printf '[tests] ctest --test-dir build --output-on-failure -j2\n'
exec ctest --test-dir build --output-on-failure -j2
