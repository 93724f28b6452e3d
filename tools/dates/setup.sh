#!/usr/bin/env bash
# Installs the peers tools/dates/compare.py measures newsgraph's dates against:
#   Debian: python3-dateparser (for /usr/bin/python3);
#   npm:    chrono-node, pinned by tools/dates/package-lock.json (`npm ci`).
# Idempotent: apt is skipped when the package is installed, npm ci when node_modules was
# installed from this very lock (a stamp holds its sha256). Needs root only to install.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
STAMP="$HERE/node_modules/.newsgraph-lock.sha256"
say() { echo "setup-dates: $*"; }
die() { echo "setup-dates: ERROR: $*" >&2; exit 1; }
installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]; }

if installed python3-dateparser; then
  say "apt: python3-dateparser already installed"
else
  [ "$(id -u)" -eq 0 ] || die "run as root to install python3-dateparser"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends python3-dateparser \
    || { apt-get update && apt-get install -y --no-install-recommends python3-dateparser; } \
    || die "apt-get install python3-dateparser failed"
fi
command -v npm >/dev/null 2>&1 || die "npm not found (tools/setup-consumers.sh installs node and npm)"
sum="$(sha256sum "$HERE/package-lock.json" "$HERE/package.json" | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$sum" ] && [ -d "$HERE/node_modules/chrono-node" ]; then
  say "npm: chrono-node matches package-lock.json; skipping npm ci"
else
  (cd "$HERE" && npm ci --no-audit --no-fund --prefer-offline) || die "npm ci failed in $HERE"
  echo "$sum" > "$STAMP"
fi
/usr/bin/python3 -c 'import dateparser' || die "dateparser does not import with /usr/bin/python3"
(cd "$HERE" && node -e 'require("chrono-node")') || die "chrono-node does not load"
say "ready"
