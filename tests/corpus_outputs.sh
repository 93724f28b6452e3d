#!/usr/bin/env bash
# Issue 11: runs newsgraph once on a whole shared corpus and writes every graph format into
# OUTDIR (and the actor network, --drop-isolated, into OUTDIR/actors), for the corpus reader tests (a ctest fixture: they share this output).
# Usage: corpus_outputs.sh NEWSGRAPH SHARED_DIR NAME OUTDIR
#        (exit 77 = skipped: no SHARED_DIR/corpus/NAME.jsonl)
set -uo pipefail
ng="$(realpath "$1")"
shared="$2"
name="$3"
out="$4"
corpus="$shared/corpus/$name.jsonl"
[ -f "$corpus" ] || { echo "SKIP: $corpus not found (the corpora live in ../shared)"; exit 77; }
rm -rf "$out"
mkdir -p "$out"
"$ng" run "$corpus" -o "$out" --quiet --format graphml,jsonld,gexf,neo4j || exit 1
# The actor network without its lonely nodes, from the same facts.
"$ng" build "$out/facts.jsonl" -o "$out/actors" --quiet --format graphml,gexf,jsonld,neo4j \
  --projection actors --drop-isolated || exit 1
cat "$out/report.json"
