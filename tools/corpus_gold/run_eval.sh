#!/usr/bin/env bash
# Runs `newsgraph eval` on the corpus gold with the two shared corpora as input, for ctest.
# Exit 77 (skipped) when the corpora are absent: they live in ../shared, outside the project.
#
# Usage: run_eval.sh NEWSGRAPH SHARED_DIR [MIN_F1] [EVAL_OPTION...]
#
# MIN_F1 (default 0) is eval's --min-f1; the EVAL_OPTIONs are passed on (--gold FILE, which
# may be repeated, --min-entity-f1 X, --json, ...). Without --gold the gold is every
# examples/corpus/*.gold.jsonl.
set -uo pipefail
ng="$1"
shared="$2"
shift 2
min_f1=0
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  min_f1="$1"
  shift
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -f "$shared/corpus/detik-2025.jsonl" ] || [ ! -f "$shared/corpus/reuters-2017.jsonl" ]; then
  echo "SKIP: $shared/corpus not found (the corpora live in ../shared)"
  exit 77
fi
gold=(--gold "$root/examples/corpus")
for arg in "$@"; do
  case "$arg" in --gold | --gold=*) gold=() ;; esac
done
exec "$ng" eval "${gold[@]}" --min-f1 "$min_f1" "$@" \
  "$shared/corpus/detik-2025.jsonl" "$shared/corpus/reuters-2017.jsonl"
