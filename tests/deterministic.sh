#!/usr/bin/env bash
# Byte-identical output: the same input run twice, with one thread and with four, gives
# identical files; so does extract on two shards + build in either order.
# Usage: deterministic.sh NEWSGRAPH SHARED_DIR   (exit 77 = skipped: no ../shared/seeds)
set -uo pipefail
ng="$(realpath "$1")"
shared="$2"
[ -d "$shared/seeds" ] || { echo "SKIP: $shared/seeds not found"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$shared"
all=(--format graphml,jsonld,gexf,neo4j)
"$ng" run seeds -o "$tmp/a" -j 1 --quiet "${all[@]}" && "$ng" run seeds -o "$tmp/b" -j 4 --quiet "${all[@]}" || exit 1
"$ng" run seeds -o "$tmp/a/p" -j 1 --quiet --format graphml,gexf --projection actors || exit 1
"$ng" run seeds -o "$tmp/b/p" -j 4 --quiet --format graphml,gexf --projection actors || exit 1
s0=seeds/000_7c3de8facd783fed.txt
s1=seeds/001_4240dfa1732c1e66.txt
"$ng" extract "$s0" -o "$tmp/f0.jsonl" --quiet && "$ng" extract "$s1" -o "$tmp/f1.jsonl" --quiet || exit 1
"$ng" build "$tmp/f1.jsonl" "$tmp/f0.jsonl" -o "$tmp/c" --quiet || exit 1
"$ng" build "$tmp/f0.jsonl" "$tmp/f1.jsonl" -o "$tmp/d" --quiet || exit 1
cat "$tmp/f1.jsonl" "$tmp/f0.jsonl" | "$ng" build - -o "$tmp/e" --quiet || exit 1
status=0
for f in facts.jsonl graph.graphml graph.jsonld graph.gexf report.json neo4j/Person.csv \
         neo4j/Event.csv neo4j/PARTICIPANT_IN.csv neo4j/HOLDS_TITLE.csv neo4j/import.cypher \
         neo4j/README.md p/actors.graphml p/actors.gexf p/report.json; do
  if cmp -s "$tmp/a/$f" "$tmp/b/$f"; then echo "ok: $f identical across runs and thread counts"
  else echo "FAIL: $f differs between -j 1 and -j 4"; status=1; fi
done
for f in graph.graphml graph.jsonld; do
  for x in c d e; do
    if cmp -s "$tmp/a/$f" "$tmp/$x/$f"; then echo "ok: $f from build ($x) identical to run"
    else echo "FAIL: $f from build ($x) differs from run"; diff "$tmp/a/$f" "$tmp/$x/$f" | head; status=1; fi
  done
done
exit $status
