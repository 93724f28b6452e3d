#!/usr/bin/env bash
# The real readers of our outputs on the seed articles' graph: the GraphML XSD, networkx,
# igraph, graph-tool and graphology must all load graph.graphml with the same counts;
# jsonld.js (safe mode), pyld and rdflib must turn graph.jsonld into RDF; graph.gexf must
# be valid GEXF 1.3 that graphology-gexf reads, with the seed events' intervals; kuzu and
# Neo4j's Cypher parser must take the neo4j/ folder (issue 11).
# Usage: readers.sh NEWSGRAPH SHARED_DIR   (exit 77 = skipped: no ../shared/seeds)
set -uo pipefail
ng="$(realpath "$1")"
shared="$(realpath "$2" 2>/dev/null || echo "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
[ -d "$shared/seeds" ] || { echo "SKIP: $shared/seeds not found"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$shared" && "$ng" run seeds -o "$tmp" --quiet --format graphml,jsonld,gexf,neo4j) || exit 1
nodes=$(/usr/bin/python3 -c "import json;print(json.load(open('$tmp/report.json'))['nodes'])")
edges=$(/usr/bin/python3 -c "import json;print(json.load(open('$tmp/report.json'))['edges'])")
status=0
/usr/bin/python3 "$here/consumers/check_graphml.py" "$tmp/graph.graphml" --shared "$shared" \
  --expect-nodes "$nodes" --expect-edges "$edges" || status=1
/usr/bin/python3 "$here/consumers/check_jsonld.py" "$tmp/graph.jsonld" || status=1
# The Haass-Lavrov meeting of 001_4240dfa1732c1e66 ("April 2023") lives through April 2023.
/usr/bin/python3 "$here/consumers/check_gexf.py" "$tmp/graph.gexf" --shared "$shared" \
  --graphml "$tmp/graph.graphml" \
  --expect-interval event:meet-f102b37145c0 2023-04-01 2023-04-30 || status=1
# kuzu loads the Neo4j CSVs and finds that meeting, with its date and place; Neo4j's Cypher
# parser accepts import.cypher.
(cd "$here/consumers" && node check_neo4j.mjs "$tmp/neo4j" --meeting "Richard Haass" \
  "Sergey Lavrov" --date 2023-04 --place "New York") || status=1
# facts.jsonl: the schema, and every event names its graph event.
/usr/bin/python3 "$here/consumers/check_facts.py" "$tmp/facts.jsonl" --graph "$tmp/graph.graphml" \
  --require-graph-events || status=1
# Pictures (--format svg): Graphviz draws every node of graph.dot, as well-formed SVG.
"$ng" build "$tmp/facts.jsonl" -o "$tmp/pic" --quiet --format svg || exit 1
if xmllint --noout "$tmp/pic/graph.svg" &&
   [ "$(grep -c 'class="node"' "$tmp/pic/graph.svg")" -eq "$nodes" ] &&
   [ "$(grep -c 'class="edge"' "$tmp/pic/graph.svg")" -eq "$edges" ]; then
  echo "ok: svg: Graphviz drew $nodes nodes and $edges edges"
else
  echo "FAIL: svg: graph.svg is not well-formed or lacks nodes or edges"; status=1
fi
# The actor network (--projection actors) is networkx's own projection of the full graph.
# The same projection as JSON-LD (rdflib, and the JSON-LD processors) and as a Neo4j folder
# (Python's csv, and kuzu, which finds the Haass-Lavrov tie with its date and place).
"$ng" build "$tmp/facts.jsonl" -o "$tmp/actors" --quiet --format graphml,gexf,jsonld,neo4j \
  --projection actors || exit 1
/usr/bin/python3 "$here/consumers/check_actors.py" "$tmp/graph.graphml" \
  "$tmp/actors/actors.graphml" --jsonld "$tmp/actors/actors.jsonld" \
  --neo4j "$tmp/actors/neo4j-actors" || status=1
/usr/bin/python3 "$here/consumers/check_jsonld.py" "$tmp/actors/actors.jsonld" || status=1
(cd "$here/consumers" && node check_neo4j.mjs "$tmp/actors/neo4j-actors" --actors \
  --tie "Richard Haass" "Sergey Lavrov" --date 2023-04 --place "New York") || status=1
/usr/bin/python3 "$here/consumers/check_gexf.py" "$tmp/actors/actors.gexf" \
  --shared "$shared" || status=1
exit $status
