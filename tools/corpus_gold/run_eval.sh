#!/usr/bin/env bash
# Runs `newsgraph eval` on the corpus gold (examples/corpus/*.gold.jsonl) with the two
# shared corpora as input, for ctest. Exit 77 (skipped) when the corpora are absent: they
# live in ../shared, outside the project.
# Usage: run_eval.sh NEWSGRAPH SHARED_DIR [MIN_F1]
set -uo pipefail
ng="$1"
shared="$2"
min_f1="${3:-0}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -f "$shared/corpus/detik-2025.jsonl" ] || [ ! -f "$shared/corpus/reuters-2017.jsonl" ]; then
  echo "SKIP: $shared/corpus not found (the corpora live in ../shared)"
  exit 77
fi
exec "$ng" eval --gold "$root/examples/corpus" --min-f1 "$min_f1" \
  "$shared/corpus/detik-2025.jsonl" "$shared/corpus/reuters-2017.jsonl"
