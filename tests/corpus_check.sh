#!/usr/bin/env bash
# Issue 11: one reader check of a whole shared corpus's graph, written by corpus_outputs.sh.
# Usage: corpus_check.sh WHAT SHARED_DIR NAME OUTDIR [ARGS...]
#   WHAT: graphml (XSD + networkx, igraph, graph-tool, graphology: counts and values),
#         gexf (GEXF XSD, timeline, graphology-gexf, agreement with the GraphML),
#         facts (facts.jsonl against schemas/facts.schema.json; every event names an
#         event of the graph),
#         jsonld (jsonld.js safe mode, pyld and rdflib: the same triple count; dates;
#         attendees in range),
#         actors (the actor network: networkx's own projection of the full graph, the
#         GraphML and GEXF readers),
#         neo4j (kuzu loads the CSVs; Neo4j's Cypher parser; ARGS: check_neo4j.mjs's
#         --meeting A B [--date D] [--place P])
#   (exit 77 = skipped: no SHARED_DIR/corpus/NAME.jsonl)
set -uo pipefail
what="$1"
shared="$2"
name="$3"
out="$4"
shift 4
here="$(cd "$(dirname "$0")" && pwd)"
[ -f "$shared/corpus/$name.jsonl" ] || { echo "SKIP: $shared/corpus/$name.jsonl not found"; exit 77; }
[ -f "$out/report.json" ] || { echo "FAIL: $out/report.json missing (corpus_outputs_$name failed?)"; exit 1; }
count() { /usr/bin/python3 -c "import json,sys;print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$out/report.json" "$1"; }
case "$what" in
  graphml)
    exec /usr/bin/python3 "$here/consumers/check_graphml.py" "$out/graph.graphml" \
      --shared "$shared" --expect-nodes "$(count nodes)" --expect-edges "$(count edges)" ;;
  gexf)
    exec /usr/bin/python3 "$here/consumers/check_gexf.py" "$out/graph.gexf" --shared "$shared" \
      --graphml "$out/graph.graphml" ;;
  facts)
    exec /usr/bin/python3 "$here/consumers/check_facts.py" "$out/facts.jsonl" \
      --graph "$out/graph.graphml" --require-graph-events ;;
  jsonld)
    exec /usr/bin/python3 "$here/consumers/check_jsonld.py" "$out/graph.jsonld" --no-canonical ;;
  actors)
    status=0
    /usr/bin/python3 "$here/consumers/check_actors.py" "$out/graph.graphml" \
      "$out/actors/actors.graphml" --min-degree 1 --jsonld "$out/actors/actors.jsonld" \
      --neo4j "$out/actors/neo4j-actors" || status=1
    /usr/bin/python3 "$here/consumers/check_jsonld.py" "$out/actors/actors.jsonld" \
      --no-canonical || status=1
    (cd "$here/consumers" && node check_neo4j.mjs "$out/actors/neo4j-actors" --actors) || status=1
    /usr/bin/python3 "$here/consumers/check_graphml.py" "$out/actors/actors.graphml" \
      --shared "$shared" || status=1
    /usr/bin/python3 "$here/consumers/check_gexf.py" "$out/actors/actors.gexf" \
      --shared "$shared" || status=1
    exit $status ;;
  neo4j)
    cd "$here/consumers" && exec node check_neo4j.mjs "$out/neo4j" "$@" ;;
  *) echo "corpus_check.sh: unknown check '$what'" >&2; exit 2 ;;
esac
