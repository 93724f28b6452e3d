#!/usr/bin/env bash
# Issue 13: hostile input, one case per ctest test. Each case pins the exit status and the
# diagnostic text, checks that the counts add up (processed + skipped = documents, one
# facts line per document) and that the outputs are complete and valid.
# The small inputs are in corpus/; large or special ones (deep nesting, symbolic links,
# FIFOs, a full file system) are made here.
# Usage: hostile.sh NEWSGRAPH SHARED_DIR CASE     (exit 77 = skipped, with the reason)
set -uo pipefail
ng="$(realpath "$1")"
shared="$(realpath "$2" 2>/dev/null || echo "$2")"
case_name="$3"
here="$(cd "$(dirname "$0")" && pwd)"
corpus="$here/corpus"
tmp="$(mktemp -d)"
cleanup() {
  if mountpoint -q "$tmp/mnt" 2>/dev/null; then umount "$tmp/mnt"; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 1
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# run_ng ARGS...: runs newsgraph, leaving its status in $rc, stdout in out.txt, stderr in err.txt.
run_ng() {
  "$ng" "$@" >out.txt 2>err.txt
  rc=$?
}
expect_rc() {
  if [ "$rc" -eq "$1" ]; then ok "exit status $1"; else fail "exit status $rc, expected $1"; cat err.txt | cut -c1-300; fi
}
# expect_err TEXT: stderr holds TEXT as a line.
expect_err() {
  if grep -qxF -- "$1" err.txt; then ok "stderr: $1"; else fail "stderr lacks: $1"; cut -c1-300 err.txt; fi
}
# json_field FILE EXPR: prints a Python expression over the JSON file as j.
json_field() { /usr/bin/python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }
# check_set DIR [FACTS]: report.json's counts add up, its outputs exist with the sizes it
# names, no temporary file is left, and the graph files are well-formed.
check_set() {
  local dir="$1"
  /usr/bin/python3 - "$dir" <<'EOF' && ok "report.json of $dir adds up" || fail "report.json of $dir"
import json, os, sys
d = sys.argv[1]
r = json.load(open(os.path.join(d, "report.json")))
assert r["processed"] + r["skipped"] == r["documents"], r
assert len(r["skipped_documents"]) == r["skipped"], r
for o in r["outputs"]:
    size = os.path.getsize(os.path.join(d, o["file"]))
    assert size == o["bytes"], (o, size)
if os.path.exists(os.path.join(d, "facts.jsonl")):
    lines = open(os.path.join(d, "facts.jsonl"), "rb").read().count(b"\n")
    assert lines == r["documents"], (lines, r["documents"])
left = [f for f in os.listdir(d) if f.endswith(".tmp")]
assert not left, left
EOF
  xmllint --noout "$dir/graph.graphml" && ok "graph.graphml well-formed" || fail "graph.graphml"
  /usr/bin/python3 -c "import json,sys; json.loads(open(sys.argv[1],'rb').read().decode('utf-8'))" \
    "$dir/graph.jsonld" && ok "graph.jsonld is UTF-8 JSON" || fail "graph.jsonld"
}
# no_temporaries DIR: nothing named *.tmp is left in DIR.
no_temporaries() {
  if [ -z "$(find "$1" -name '*.tmp' 2>/dev/null)" ]; then ok "no temporary files in $1"; else
    fail "temporary files left: $(find "$1" -name '*.tmp')"; fi
}
deep() { /usr/bin/python3 -c "import sys; n=150000; sys.stdout.write(sys.argv[1] + '['*n + ']'*n + sys.argv[2] + '\n')" "$1" "$2"; }

case "$case_name" in
  deep_jsonl)  # 150,000 nested arrays on one 300 KB line: a skip, not a stack overflow
    deep '{"id":"d","text":' '}' >deep.jsonl
    printf '{"id":"ok","text":"Satu."}\n' >>deep.jsonl
    for cmd in run extract; do
      run_ng "$cmd" deep.jsonl -o "o-$cmd" --quiet
      expect_rc 0
      expect_err "newsgraph: skipped deep.jsonl:1: column 273: invalid JSON: nested deeper than 256 levels"
    done
    check_set o-run
    run_ng run deep.jsonl -o strict --quiet --strict
    expect_rc 2
    expect_err "newsgraph: --strict: 1 input(s) skipped; nothing written"
    [ -z "$(ls -A strict)" ] && ok "--strict wrote nothing" || fail "--strict wrote $(ls -A strict)"
    ;;
  deep_facts)  # the same nesting as a facts line for build
    deep '' '' >deep.jsonl
    run_ng build deep.jsonl -o o
    expect_rc 2
    expect_err "deep.jsonl:1: error: column 257: invalid JSON: nested deeper than 256 levels"
    [ ! -e o/graph.graphml ] && ok "no graph written" || fail "a graph was written"
    ;;
  deep_rules)  # ... and as a rule file for lint and --rules
    mkdir -p rules/events
    deep '{"events":' '}' >rules/events/deep.json
    run_ng lint rules
    expect_rc 1
    expect_err "rules/events/deep.json:1:266: error: JSON nested deeper than 256 levels"
    printf 'Satu.' >a.txt
    run_ng run --rules rules a.txt -o o
    expect_rc 2
    expect_err "rules/events/deep.json:1:266: error: JSON nested deeper than 256 levels"
    ;;
  two_values)  # two JSON values, or trailing garbage, on a line: that line is skipped
    for f in two_objects trailing_garbage; do
      cp "$corpus/$f.jsonl" .
      run_ng run "$f.jsonl" -o "o-$f" --quiet
      expect_rc 0
      check_set "o-$f"
      [ "$(json_field "o-$f/report.json" 'j["processed"], j["skipped"]')" = "1 1" ] &&
        ok "$f: 1 processed, 1 skipped" || fail "$f: counts $(json_field "o-$f/report.json" 'j["processed"], j["skipped"]')"
    done
    expect_err "newsgraph: skipped trailing_garbage.jsonl:1: column 26: invalid JSON: The document root must not be followed by other values."
    run_ng run two_objects.jsonl -o o --quiet
    expect_err "newsgraph: skipped two_objects.jsonl:1: column 27: invalid JSON: The document root must not be followed by other values."
    ;;
  cr_only)  # a file with CR line ends only: three documents, not one
    cp "$corpus/cr_only.jsonl" .
    run_ng run cr_only.jsonl -o o --quiet
    expect_rc 0
    check_set o
    [ "$(json_field o/report.json 'j["processed"]')" = 3 ] && ok "3 documents" ||
      fail "processed $(json_field o/report.json 'j["processed"]')"
    ;;
  directory_entries)  # dangling link, loop, FIFO, link to a directory, other files
    mkdir -p in/sub real
    echo "Satu." >in/a.txt
    echo "Dua." >real/target.txt
    ln -s ../real/target.txt in/link.txt
    ln -s nowhere.txt in/dangling.txt
    ln -s loop.txt in/loop.txt
    mkfifo in/fifo.txt
    ln -s ../real in/dirlink
    echo "x" >in/sub/notes.md
    mkdir -p in/.git && echo "Tiga." >in/.git/HEAD.txt && echo "Empat." >in/sub/.hidden.txt
    run_ng run in -o o
    expect_rc 0
    expect_err "newsgraph: warning: in: 2 hidden entries (names starting with '.') not read"
    [ "$(json_field o/report.json 'j["hidden_entries_not_read"]')" = 2 ] &&
      ok "report.json counts the hidden entries" || fail "hidden entries not counted"
    expect_err "newsgraph: skipped dangling.txt (in/dangling.txt): dangling symbolic link"
    expect_err "newsgraph: skipped loop.txt (in/loop.txt): symbolic link loop"
    expect_err "newsgraph: skipped fifo.txt (in/fifo.txt): a FIFO, not a regular file"
    expect_err "newsgraph: skipped dirlink (in/dirlink): symbolic link to a directory (not followed)"
    expect_err "newsgraph: skipped sub/notes.md (in/sub/notes.md): not a .txt or .jsonl file"
    expect_err "newsgraph: 7 documents (2 processed, 5 skipped): 0 entities, 0 events -> o/"
    check_set o
    grep -q '"doc":"link","status":"ok","origin":"in/link.txt"' o/facts.jsonl &&
      ok "a linked file is named by its link" || fail "link.txt not named by its link"
    run_ng run in/loop.txt -o o2 --quiet
    expect_rc 2
    expect_err "newsgraph: skipped in/loop.txt: symbolic link loop"
    check_set o2
    run_ng run in -o o3 --quiet --strict
    expect_rc 2
    expect_err "newsgraph: --strict: 5 input(s) skipped; nothing written"
    ;;
  missing_input)  # issue 11: a missing INPUT is exit 2 after the rest is written
    echo "Satu." >a.txt
    run_ng run a.txt missing.txt -o o --quiet
    expect_rc 2
    expect_err "newsgraph: skipped missing.txt: no such file or directory"
    expect_err "newsgraph: error: 1 input path(s) missing or unreadable: missing.txt"
    check_set o
    run_ng extract a.txt missing.txt -o f.jsonl --quiet
    expect_rc 2
    [ "$(wc -l <f.jsonl)" -eq 2 ] && ok "extract wrote both lines" || fail "extract output"
    run_ng build f.jsonl missing.jsonl -o b --quiet
    expect_rc 2
    expect_err "missing.jsonl: error: cannot open facts file: No such file or directory"
    expect_err "newsgraph: error: 1 input path(s) missing or unreadable: missing.jsonl"
    check_set b
    ;;
  facts_types)  # a non-object or wrongly typed member of a facts line: an error, no graph
    files=()
    while IFS='|' read -r file message; do
      files+=("$corpus/$file")
      echo "$corpus/$file:1: error: $message" >>expected.txt
    done <<'EOF'
facts_entity_not_object.jsonl|document d: field "entities[0]" must be an object
facts_event_not_object.jsonl|document d: field "events[0]" must be an object
facts_evidence_not_object.jsonl|document d: field "events[0].evidence[0]" must be an object
facts_title_not_object.jsonl|document d: field "entities[0].titles[0]" must be an object
facts_doc_not_string.jsonl|field "doc" must be a string
facts_status_unknown.jsonl|document d: field "status" must be "ok" or "skipped"
facts_events_not_array.jsonl|document d: field "events" must be an array
facts_bad_id.jsonl|document d: field "entities[0].id" must be an id (letters, digits, '-', '_', '.', ':')
facts_two_objects.jsonl|column 27: invalid JSON: The document root must not be followed by other values.
EOF
    run_ng build "${files[@]}" -o o
    expect_rc 2
    while IFS= read -r line; do expect_err "$line"; done <expected.txt
    expect_err "newsgraph build: 9 error(s) in the facts; no graph written"
    [ ! -e o ] && ok "no output written" || fail "output written"
    # eval --baseline reads facts the same way (it crashed on these).
    for file in facts_event_not_object.jsonl facts_evidence_not_object.jsonl; do
      run_ng eval --gold "$corpus/eval_one.gold.jsonl" --baseline "$corpus/$file" \
        "$corpus/eval_one.jsonl"
      expect_rc 2
      expect_err "$(grep -F "$file" expected.txt)"
    done
    ;;
  facts_invalid_text)  # invalid UTF-8, lone surrogates, controls: replaced, counted, valid outputs
    run_ng build "$corpus/facts_invalid_utf8.jsonl" -o o --quiet
    expect_rc 0
    expect_err "$corpus/facts_invalid_utf8.jsonl:1: warning: document d: 18 byte(s) of invalid UTF-8 or control characters replaced by '?'"
    check_set o
    [ "$(json_field o/report.json 'j["input_repairs"]["invalid_text_bytes"]')" = 18 ] &&
      ok "18 bytes counted" || fail "count in report.json"
    if [ -d "$shared/xsd" ]; then
      /usr/bin/python3 "$here/../consumers/check_graphml.py" o/graph.graphml --shared "$shared" \
        --expect-nodes 2 --expect-edges 1 >readers.txt 2>&1 && ok "GraphML readers" ||
        { fail "GraphML readers"; cat readers.txt; }
      /usr/bin/python3 "$here/../consumers/check_jsonld.py" o/graph.jsonld >readers.txt 2>&1 &&
        ok "JSON-LD readers" || { fail "JSON-LD readers"; cat readers.txt; }
    fi
    ;;
  html)  # HTML leftovers: decoded and removed in place, the event found, offsets kept
    run_ng run "$corpus/html.jsonl" -o o
    expect_rc 0
    expect_err "newsgraph: warning: $corpus/html.jsonl:1: document html: HTML left in the text: 4 character reference(s) decoded, 5 tag(s) removed (byte offsets unchanged)"
    check_set o
    [ "$(json_field o/report.json 'j["input_repairs"]["html_entities"], j["input_repairs"]["html_tags"]')" = "4 5" ] &&
      ok "counted in report.json" || fail "html counts in report.json"
    /usr/bin/python3 - "$corpus/html.jsonl" o/facts.jsonl <<'EOF' && ok "meet event; offsets into the original text" || fail "html event or offsets"
import json, sys
text = json.loads(open(sys.argv[1]).read())["text"].encode()
facts = json.loads(open(sys.argv[2]).readline())
assert [e["type"] for e in facts["events"]] == ["meet"], facts["events"]
for m in facts["mentions"]:
    if m["text"] == "Antony Blinken":
        assert text[m["begin"]:m["end"]] == b"Antony Blinken", m
        break
else:
    raise AssertionError("no Antony Blinken mention")
EOF
    ;;
  control_chars)  # C0 controls and DEL read as white space, offsets kept, counted
    printf 'Presiden Joko Widodo bertemu\001 Perdana Menteri Malaysia Anwar Ibrahim di Bogor\033 pada Senin (8/1/2024).\000\f Ok.\177\n' >in.txt
    printf '{"id": "j", "lang": "en", "text": "Antony Blinken\\u0001met Sergey Lavrov in Geneva on Monday.\\u0007"}\n' >in.jsonl
    run_ng run in.txt in.jsonl -o o
    expect_rc 0
    expect_err "newsgraph: warning: in.txt: document in: 5 control character(s) read as white space (byte offsets unchanged)"
    expect_err "newsgraph: warning: in.jsonl:1: document j: 2 control character(s) read as white space (byte offsets unchanged)"
    check_set o
    [ "$(json_field o/report.json 'j["input_repairs"]["control_characters"]')" = 7 ] &&
      ok "counted in report.json" || fail "control characters not counted"
    /usr/bin/python3 - o/facts.jsonl <<'EOF' && ok "both meetings found, no control character in the facts" || fail "control characters: events or facts"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
assert [[e["type"] for e in f["events"]] for f in lines] == [["meet"], ["meet"]], lines
raw = open(sys.argv[1], encoding="utf-8").read().lower()
assert not any(c in raw for c in ("\\u0001", "\\u0000", "\\u0007", "\\u001b", "\\u000c", "\x7f")), "control left"
EOF
    ;;
  max_document)  # a document over --max-document-bytes is skipped with its size, not cut
    printf 'Satu dua tiga empat.' >long.txt
    printf 'Satu.' >short.txt
    run_ng run long.txt short.txt -o o --quiet --max-document-bytes 10
    expect_rc 0
    expect_err "newsgraph: skipped long (long.txt): document of 20 bytes is over the limit of 10 bytes (--max-document-bytes)"
    check_set o
    run_ng run short.txt -o o2 --max-document-bytes 0
    expect_rc 2
    expect_err "newsgraph: --max-document-bytes '0' is not a positive number"
    ;;
  dev_full)  # a write error shows, with its reason
    printf 'Satu.' >a.txt
    run_ng extract a.txt -o /dev/full --quiet
    expect_rc 2
    expect_err "newsgraph: cannot write /dev/full: No space left on device"
    ;;
  full_disk)  # a small tmpfs: run fails with exit 2, writes nothing, leaves no temporaries
    mkdir mnt
    if ! mount -t tmpfs -o size=16k tmpfs mnt 2>mount.txt; then
      echo "SKIP: cannot mount a tmpfs here ($(cat mount.txt)); the case needs root and mount rights"
      exit 77
    fi
    mkdir mnt/out
    for _ in $(seq 1 40); do cat "$here/../../examples/articles/example.jsonl"; done >in.jsonl
    run_ng run in.jsonl -o mnt/out --quiet
    expect_rc 2
    grep -q "^newsgraph: cannot write mnt/out/.*: No space left on device$" err.txt &&
      ok "stderr: cannot write ...: No space left on device" || { fail "stderr"; cat err.txt; }
    [ -z "$(ls -A mnt/out)" ] && ok "nothing left in the output directory" ||
      fail "left: $(ls -A mnt/out)"
    run_ng extract in.jsonl -o mnt/out/facts.jsonl --quiet
    expect_rc 2
    [ -z "$(ls -A mnt/out)" ] && ok "extract -o left nothing" || fail "left: $(ls -A mnt/out)"
    ;;
  killed_run)  # a run killed mid-write leaves the previous complete set, and no temporaries
    mkdir in
    # About 2,000 articles: a second or more of extraction on one thread.
    /usr/bin/python3 - "$here/../../examples/articles" >in/big.jsonl <<'EOF'
import json, pathlib, sys
texts = [p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
n = 0
while n * 1000 < 2_000_000:
    for t in texts:
        print(json.dumps({"id": f"d{n}", "text": t}))
        n += len(t) // 1000 + 1
EOF
    printf 'Satu.' >small.txt
    "$ng" run small.txt -o out --quiet || fail "first run"
    cp -r out before
    # (SIGINT is ignored by a background job of a script, so TERM stands for both here.)
    for sig in TERM KILL; do
      "$ng" run in -o out --quiet -j 1 &
      pid=$!
      # Wait until the run has opened its facts file, then kill it mid-write.
      for _ in $(seq 1 100); do
        [ -n "$(find out -name '*.tmp')" ] && break
        sleep 0.05
      done
      sleep 0.2
      kill -s "$sig" "$pid"
      wait "$pid"
      status=$?
      [ "$status" -gt 128 ] && ok "SIG$sig ended the run ($status)" || fail "SIG$sig: the run ended with $status before the signal (make the input bigger)"
      diff -r -x '*.tmp' before out >/dev/null && ok "SIG$sig: the previous set is intact" ||
        fail "SIG$sig: the output set changed"
      if [ "$sig" != KILL ]; then no_temporaries out; fi
      find out -name '*.tmp' -delete
    done
    "$ng" run in -o out --quiet -j 2 || fail "the full run"
    check_set out
    ;;
  *)
    echo "unknown case: $case_name"
    exit 2
    ;;
esac
if [ "$failures" -gt 0 ]; then
  echo "== $case_name: $failures failure(s)"
  exit 1
fi
echo "== $case_name: passed"
