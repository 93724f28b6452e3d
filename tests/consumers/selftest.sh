#!/usr/bin/env bash
# Proves the consumer checkers can pass AND fail: runs them on every fixture in
# fixtures/, asserts each GOOD fixture passes and each BAD fixture fails with the
# FAIL line that names the rule it breaks.
#
# Usage: tests/consumers/selftest.sh        (after tools/setup-consumers.sh)
# Prints one line per case and closes with "selftest: N passed, N failed"; exit 1 on any failure.
set -u
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FIX="$HERE/fixtures"
PY=/usr/bin/python3
LOG="$(mktemp -d)"
trap 'rm -rf "$LOG"' EXIT

if [ ! -d "$HERE/node_modules/jsonld" ] || [ ! -d "$HERE/node_modules/graphology-graphml" ]; then
  echo "selftest: $HERE/node_modules is missing: run tools/setup-consumers.sh first" >&2
  exit 1
fi

passed=0
failed=0

# expect NAME WANT_RC PATTERN -- COMMAND...
#   WANT_RC: 0 (must pass) or 1 (must fail); PATTERN: an extended regex the
#   output must contain (empty: no requirement).
expect() {
  local name="$1" want="$2" pattern="$3"
  shift 4
  local out="$LOG/$name.out" rc
  "$@" >"$out" 2>&1
  rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL: $name: exit $rc, want $want"
    sed 's/^/    | /' "$out"
    failed=$((failed + 1))
  elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$out"; then
    echo "FAIL: $name: exit $rc as wanted, but no line matches /$pattern/"
    sed 's/^/    | /' "$out"
    failed=$((failed + 1))
  else
    echo "ok: $name (exit $rc)"
    passed=$((passed + 1))
  fi
}

G() { "$PY" "$HERE/check_graphml.py" "$@"; }
J() { "$PY" "$HERE/check_jsonld.py" "$@"; }
X() { "$PY" "$HERE/check_gexf.py" "$@"; }
F() { "$PY" "$HERE/check_facts.py" "$@"; }

# --- GraphML ---------------------------------------------------------------
expect graphml_good 0 '^== passed' -- \
  G "$FIX/good.graphml" --expect-nodes 4 --expect-edges 3
expect graphml_good_without_shared 0 '^SKIP: /nonexistent/xsd not found' -- \
  G "$FIX/good.graphml" --shared /nonexistent
expect graphml_good_wrong_expectation 1 '^FAIL: expect: 5 nodes' -- \
  G "$FIX/good.graphml" --expect-nodes 5
expect graphml_bad_bool_as_1 1 "^FAIL: house: booleans not written true/false" -- \
  G "$FIX/bad_bool_as_1.graphml"
expect graphml_bad_bool_as_1_readers_disagree 1 "^FAIL: types: readers disagree on booleans" -- \
  G "$FIX/bad_bool_as_1.graphml"
expect graphml_bad_bool_default 1 "^FAIL: types: graphology gets the wrong JS type" -- \
  G "$FIX/bad_bool_default.graphml"
expect graphml_bad_undeclared_key 1 "^FAIL: house: undeclared keys" -- \
  G "$FIX/bad_undeclared_key.graphml"
expect graphml_bad_dangling_edge 1 "^FAIL: house: dangling edges" -- \
  G "$FIX/bad_dangling_edge.graphml"
expect graphml_bad_dangling_edge_graphology 1 "^FAIL: read: graphology cannot load" -- \
  G "$FIX/bad_dangling_edge.graphml"
expect graphml_bad_no_edgedefault 1 "^FAIL: house: <graph> without edgedefault" -- \
  G "$FIX/bad_no_edgedefault.graphml"
expect graphml_bad_node_without_label 1 "^FAIL: house: nodes without a label" -- \
  G "$FIX/bad_node_without_label.graphml"
expect graphml_bad_duplicate_node_id 1 "^FAIL: house: duplicate ids: node person:sergey-lavrov" -- \
  G "$FIX/bad_duplicate_node_id.graphml"
# Issue 11: two edges with one id (as HOLDS_TITLE edges had): networkx and graphology keep
# one, igraph and graph-tool both.
expect graphml_bad_duplicate_edge_id 1 "^FAIL: readers: counts differ" -- \
  G "$FIX/bad_duplicate_edge_id.graphml"
if [ -d "$HERE/../../../shared/xsd" ]; then
  # The XSD alone catches these three (and the house rules as well).
  expect graphml_xsd_catches_dangling_edge 1 "^FAIL: xsd: .*keyref" -- \
    G "$FIX/bad_dangling_edge.graphml"
  expect graphml_xsd_catches_no_edgedefault 1 "^FAIL: xsd: .*edgedefault" -- \
    G "$FIX/bad_no_edgedefault.graphml"
  expect graphml_xsd_catches_duplicate_id 1 "^FAIL: xsd: .*Duplicate key-sequence" -- \
    G "$FIX/bad_duplicate_node_id.graphml"
fi

# --- GEXF (issue 11) -------------------------------------------------------
expect gexf_good 0 '^ok: read: graphology-gexf gives all' -- X "$FIX/good.gexf"
expect gexf_good_interval 0 '^ok: expect: event:meet-1 lives' -- \
  X "$FIX/good.gexf" --expect-interval event:meet-1 2023-04-01 2023-04-30
expect gexf_good_wrong_interval 1 '^FAIL: expect: event:meet-1' -- \
  X "$FIX/good.gexf" --expect-interval event:meet-1 2023-04-01 2023-04-02
expect gexf_bad_partial_date 1 '^FAIL: timeline: event:meet-1: \[2023-04, 2023-04\]' -- \
  X "$FIX/bad_partial_date.gexf"
expect gexf_bad_edge_outside_node 1 '^FAIL: timeline: edge e1 .* outside node' -- \
  X "$FIX/bad_edge_outside_node.gexf"

# --- facts.jsonl against schemas/facts.schema.json (issue 11) --------------
expect facts_good 0 '^ok: schema: all 2 lines valid' -- F "$FIX/good_facts.jsonl"
expect facts_bad_no_format 1 "^FAIL: schema: .*'format' is a required property" -- \
  F "$FIX/bad_facts_no_format.jsonl"
expect facts_bad_modality 1 "^FAIL: schema: .*/events/0/modality: 'maybe'" -- \
  F "$FIX/bad_facts_modality.jsonl"

# --- JSON-LD ---------------------------------------------------------------
expect jsonld_good 0 '^ok: agree: jsonld.js and pyld both give 16 canonical quads' -- \
  J "$FIX/good.jsonld"
expect jsonld_bad_term_not_in_context 1 "^FAIL: jsonld.js: .*Safe mode validation error.*confidence" -- \
  J "$FIX/bad_term_not_in_context.jsonld"
expect jsonld_bad_partial_date_as_xsd_date 1 '^FAIL: dates: .*"2023-04"\^\^xsd:date is not a valid YYYY-MM-DD' -- \
  J "$FIX/bad_partial_date_as_xsd_date.jsonld"
expect jsonld_bad_attendee_place 1 "^FAIL: range: attendees outside schema:attendee's range.*new-york" -- \
  J "$FIX/bad_attendee_place.jsonld"
expect jsonld_bad_remote_context 1 "^FAIL: context: remote @context" -- \
  J "$FIX/bad_remote_context.jsonld"

# --- Every fixture is covered: good*.* passes, bad*.* fails ----------------
for f in "$FIX"/*.graphml "$FIX"/*.jsonld "$FIX"/*.gexf; do
  base="$(basename "$f")"
  case "$base" in
    *.graphml) checker=G ;;
    *.jsonld) checker=J ;;
    *.gexf) checker=X ;;
  esac
  case "$base" in
    good*) expect "sweep_$base" 0 '' -- "$checker" "$f" ;;
    bad*) expect "sweep_$base" 1 '^FAIL: ' -- "$checker" "$f" ;;
    *) echo "FAIL: fixture $base is neither good* nor bad*"; failed=$((failed + 1)) ;;
  esac
done

echo "selftest: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
