#!/usr/bin/env bash
# Installs the real readers of newsgraph's outputs that tests/consumers/ runs:
#   Debian: libxml2-utils (xmllint), python3-networkx, python3-igraph,
#           python3-graph-tool, python3-pyld, python3-rdflib, python3-jsonschema (for
#           /usr/bin/python3), graphviz (dot, for --format svg), chromium (headless,
#           opens the page of --format html; about 125 MB, installed only when missing),
#           and nodejs + npm when no node >= 18 is on PATH;
#   npm:    `npm ci` in tests/consumers/ from the committed package-lock.json
#           (jsonld, graphology, graphology-graphml, graphology-gexf, kuzu,
#           @neo4j-cypher/language-support, pinned).
#
# Idempotent and quick the second time: apt is skipped when every package is
# already installed, npm ci when node_modules was installed from this very lock
# (a stamp holds the lock's sha256), so a second run needs no network.
# Needs root only when something must be installed with apt.
#
# Usage: tools/setup-consumers.sh            (exit 0: ready; non-zero: says why)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONSUMERS="$ROOT/tests/consumers"
STAMP="$CONSUMERS/node_modules/.newsgraph-lock.sha256"
APT_PACKAGES=(libxml2-utils python3-networkx python3-igraph python3-graph-tool
              python3-pyld python3-rdflib python3-jsonschema graphviz chromium)
PY=/usr/bin/python3

say() { echo "setup-consumers: $*"; }
die() { echo "setup-consumers: ERROR: $*" >&2; exit 1; }

installed() {  # Returns 0 when the Debian package $1 is installed.
  [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" = "install ok installed" ]
}

node_ok() {  # Returns 0 when node >= 18 and npm are on PATH.
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$major" -ge 18 ]
}

start=$(date +%s)
command -v dpkg-query >/dev/null 2>&1 || die "dpkg-query not found: this script expects Debian 12"

# --- Debian packages -------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done
if ! node_ok; then
  say "no node >= 18 with npm on PATH: will install Debian's nodejs and npm"
  installed nodejs || missing+=(nodejs)
  installed npm || missing+=(npm)
fi

if [ "${#missing[@]}" -eq 0 ]; then
  say "apt: all of ${APT_PACKAGES[*]} already installed; skipping apt-get"
else
  [ "$(id -u)" -eq 0 ] || die "must run as root to install: ${missing[*]}"
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when install fails on stale or absent lists.
  if ! apt-get install -y --no-install-recommends "${missing[@]}"; then
    say "apt: install failed; running apt-get update and trying again"
    apt-get update || die "apt-get update failed (is Debian's package registry reachable?)"
    apt-get install -y --no-install-recommends "${missing[@]}" \
      || die "apt-get install failed for: ${missing[*]}"
  fi
  for p in "${missing[@]}"; do
    installed "$p" || die "Debian package $p is still not installed"
  done
fi

# --- npm packages ------------------------------------------------------------
node_ok || die "node >= 18 and npm are needed (found node: $(command -v node || echo none))"
[ -f "$CONSUMERS/package-lock.json" ] || die "missing $CONSUMERS/package-lock.json"
lock_sum="$(sha256sum "$CONSUMERS/package-lock.json" "$CONSUMERS/package.json" | sha256sum | cut -d' ' -f1)"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$lock_sum" ] \
   && [ -d "$CONSUMERS/node_modules/jsonld" ] && [ -d "$CONSUMERS/node_modules/graphology-graphml" ] \
   && [ -d "$CONSUMERS/node_modules/kuzu" ] \
   && [ -d "$CONSUMERS/node_modules/@neo4j-cypher/language-support" ]; then
  say "npm: node_modules matches package-lock.json (stamp $STAMP); skipping npm ci"
else
  say "npm: npm ci in $CONSUMERS (node $(node --version), npm $(npm --version 2>/dev/null))"
  (cd "$CONSUMERS" && npm ci --no-audit --no-fund --prefer-offline) \
    || die "npm ci failed in $CONSUMERS (is the npm registry reachable?)"
  echo "$lock_sum" > "$STAMP"
fi

# --- Smoke test: every reader loads ------------------------------------------
command -v xmllint >/dev/null 2>&1 || die "xmllint not on PATH after install"
command -v chromium >/dev/null 2>&1 || die "chromium not on PATH after install"
say "chromium: $(chromium --version 2>/dev/null | head -1)"
"$PY" - <<'EOF' || die "a Python reader does not import with $PY (Debian's interpreter)"
import warnings
warnings.simplefilter("ignore")
import networkx, igraph, graph_tool, pyld, rdflib, jsonschema
from pyld import jsonld
print("setup-consumers: python: networkx %s, igraph %s, graph-tool %s, rdflib %s, pyld ok"
      % (networkx.__version__, igraph.__version__, graph_tool.__version__.split()[0],
         rdflib.__version__))
EOF
# shellcheck disable=SC2016  # JavaScript template literals, not shell expansions.
(cd "$CONSUMERS" && node --input-type=module -e '
import { readFileSync } from "node:fs";
const v = (n) => JSON.parse(readFileSync(`node_modules/${n}/package.json`, "utf8")).version;
await import("jsonld"); await import("graphology"); await import("graphology-graphml");
await import("graphology-gexf"); await import("kuzu");
await import("@neo4j-cypher/language-support");
console.log(`setup-consumers: node: jsonld ${v("jsonld")}, graphology ${v("graphology")}, ` +
  `graphology-graphml ${v("graphology-graphml")}, graphology-gexf ${v("graphology-gexf")}, ` +
  `kuzu ${v("kuzu")}, @neo4j-cypher/language-support ${v("@neo4j-cypher/language-support")}`);
') || die "an npm reader does not load from $CONSUMERS/node_modules"

say "ready in $(( $(date +%s) - start ))s"
