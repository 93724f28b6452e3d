#!/usr/bin/env bash
# Issue 12: the Dask path (tools/dask_extract.py) on a LocalCluster of 2 workers over a
# slice of both shared corpora, cut into several partitions per file, gives the graph
# `newsgraph run` gives of the same input, byte for byte, and facts lines identical to
# `newsgraph extract` (each document's origin mapped back to its file and line).
# Usage: dask_extract.sh NEWSGRAPH SHARED_DIR
#   (exit 77 = skipped: no ../shared/corpus, or no python3-distributed)
set -uo pipefail
ng="$(realpath "$1")"
shared="$(realpath "$2")"
tool="$(cd "$(dirname "$0")/.." && pwd)/tools/dask_extract.py"
[ -d "$shared/corpus" ] || { echo "SKIP: $shared/corpus not found"; exit 77; }
/usr/bin/python3 -c "import distributed" 2>/dev/null ||
  { echo "SKIP: python3-distributed is not installed (tools/setup.sh installs it)"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir in
head -n 150 "$shared/corpus/detik-2025.jsonl" > in/detik.jsonl
head -n 150 "$shared/corpus/reuters-2017.jsonl" > in/reuters.jsonl
formats=(--format graphml,jsonld,gexf,neo4j)
"$ng" run in -o whole -j 2 --quiet "${formats[@]}" || { echo "FAIL: newsgraph run"; exit 1; }
"$ng" extract in -o whole.facts.jsonl -j 2 --quiet || { echo "FAIL: newsgraph extract"; exit 1; }
# 0.15 MB partitions: three or more per file, so partitions start in the middle of a file.
/usr/bin/python3 "$tool" --workers 2 --partition-mb 0.15 --newsgraph "$ng" "${formats[@]}" \
  --quiet -o dask in || { echo "FAIL: dask_extract.py exited $?"; exit 1; }
status=0
parts=$(ls dask/facts/part-*.jsonl | wc -l)
if [ "$parts" -ge 6 ]; then echo "ok: $parts partitions"
else echo "FAIL: $parts partitions, expected 6 or more"; status=1; fi
if cat dask/facts/part-*.jsonl | cmp -s - whole.facts.jsonl; then
  echo "ok: the partitions' facts equal extract's, origins included"
else
  echo "FAIL: the partitions' facts differ from extract's"
  cat dask/facts/part-*.jsonl | diff - whole.facts.jsonl | head -c 2000; status=1
fi
for f in graph.graphml graph.jsonld graph.gexf neo4j/Person.csv neo4j/Event.csv \
         neo4j/PARTICIPANT_IN.csv neo4j/HOLDS_TITLE.csv neo4j/import.cypher; do
  if cmp -s "whole/$f" "dask/$f"; then echo "ok: $f from Dask identical to run"
  else echo "FAIL: $f from Dask differs from run"; diff "whole/$f" "dask/$f" | head; status=1; fi
done
# report.json: run's counts (its input_repairs and outputs are run's own: the Dask path ends
# with build), and byte for byte the report of a build of the whole facts.
if /usr/bin/python3 - whole/report.json dask/report.json <<'EOF'
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
keys = ["documents", "processed", "skipped", "entities", "events", "nodes", "edges",
        "skipped_documents"]
sys.exit(0 if all(a[k] == b[k] for k in keys) else 1)
EOF
then echo "ok: report.json from Dask has run's counts"
else echo "FAIL: report.json from Dask: counts differ from run"; status=1; fi
"$ng" build whole.facts.jsonl -o wholebuild --quiet "${formats[@]}" || status=1
if cmp -s wholebuild/report.json dask/report.json; then
  echo "ok: report.json from Dask identical to build of the whole facts"
else
  echo "FAIL: report.json from Dask differs from build"; diff wholebuild/report.json dask/report.json | head
  status=1
fi
# A missing input is a usage error, reported before any cluster starts.
if /usr/bin/python3 "$tool" --newsgraph "$ng" -o bad no-such.jsonl 2>err; then
  echo "FAIL: a missing input was accepted"; status=1
elif grep -q "no-such.jsonl: no such file or directory" err; then
  echo "ok: a missing input is reported"
else
  echo "FAIL: unexpected message for a missing input:"; cat err; status=1
fi
exit $status
