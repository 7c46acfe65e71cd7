#!/usr/bin/env bash
# Set-up shared by the README's two commands: installs the Debian 12 packages
# racelint needs (only when one is missing, so a second run skips apt), then
# configures and builds the project in build/ (reused between runs).
#
# Usage, from anywhere, as root on a fresh Debian 12 machine:
#   bash scripts/setup.sh
# Environment: RACELINT_JOBS (default: the number of cores) caps the build.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

# What the project needs beyond the base image; DESIGN.md's "Dependencies".
# clang-19 and the -dev packages: the checker's build and its lit tests;
# libclang-rt-19-dev: ThreadSanitizer's runtime for the samples and the shim;
# llvm-19-tools: lit and FileCheck; python3-jsonschema: the JSON/SARIF tests.
packages=(
  clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev llvm-19-tools
  libclang-rt-19-dev cmake ninja-build libgtest-dev python3
  python3-jsonschema clang-format-19 g++
)

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null || true)
  if [[ "$status" != ii* ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  say "Debian packages: all ${#packages[@]} already installed, skipping apt"
else
  say "Debian packages missing: ${missing[*]}"
  if ((EUID != 0)); then
    die "run as root to install them (or: apt-get install ${missing[*]})"
  fi
  export DEBIAN_FRONTEND=noninteractive
  say "apt-get update"
  apt-get update -o Acquire::Retries=3
  say "apt-get install (${#packages[@]} packages and their dependencies)"
  apt-get install -y --no-install-recommends -o Acquire::Retries=3 "${packages[@]}"
fi

jobs=${RACELINT_JOBS:-$(nproc)}
build_dir=build

# A build folder made by another generator cannot be reused by Ninja.
if [[ -f "$build_dir/CMakeCache.txt" ]] &&
   ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$build_dir/CMakeCache.txt"; then
  die "$build_dir/ was configured with another generator; remove it and rerun"
fi

say "configure: cmake -S . -B $build_dir -G Ninja"
cmake -S . -B "$build_dir" -G Ninja
say "build: ninja -C $build_dir -j $jobs"
ninja -C "$build_dir" -j "$jobs"
say "done in ${SECONDS} s: racelint is $build_dir/bin/racelint"
