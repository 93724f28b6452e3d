#!/usr/bin/env bash
# The sanitizer and fuzzing half of CI (.ci/run; docs/reliability.md): a second build tree
# compiled by Clang with AddressSanitizer + UBSan (NEWSGRAPH_SANITIZE; undefined behaviour
# aborts) and the libFuzzer targets (NEWSGRAPH_FUZZ), then the whole test suite in it —
# the fuzzers' bounded runs (label "fuzz") among it. Run tools/setup.sh first: it installs
# clang and libclang-rt-14-dev.
#
#   tools/sanitize.sh                      # in build-sanitize/
#   BUILD_DIR=b tools/sanitize.sh -L fuzz  # more arguments go to ctest
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-sanitize}"

if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSGRAPH_SANITIZE=ON -DNEWSGRAPH_FUZZ=ON
fi
cmake --build "$BUILD_DIR" -j "$(nproc)"
# Leaks are errors (none is suppressed); tools/ubsan.supp names the one UBSan finding in
# RapidJSON's headers and why it is harmless.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:suppressions=$ROOT/tools/ubsan.supp"
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" "$@"
