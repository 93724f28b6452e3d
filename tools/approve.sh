#!/usr/bin/env bash
# Approves the current outputs for the seed articles as the golden outputs in
# examples/seeds/ (after you have read the diff golden_seeds printed).
# Usage: tools/approve.sh [NEWSGRAPH] [SHARED_DIR]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ng="$(realpath "${1:-$root/build/newsgraph}")"
shared="$(realpath "${2:-$root/../shared}")"
[ -d "$shared/seeds" ] || { echo "approve: $shared/seeds not found" >&2; exit 2; }
mkdir -p "$root/examples/seeds"
(cd "$shared" && "$ng" run seeds -o "$root/examples/seeds" --quiet)
rm -f "$root"/examples/seeds/*.unapproved.*
echo "approve: wrote $root/examples/seeds/{facts.jsonl,graph.graphml,graph.jsonld,report.json}"
