#!/usr/bin/env bash
# Writes every output newsgraph makes from the shared data into one directory, so that a
# change meant to keep behaviour (a restructure, a speed-up) can be checked byte for byte:
#
#   tools/snapshot.sh /tmp/before                 # on the old commit
#   tools/snapshot.sh /tmp/after                  # on the new one
#   diff -r /tmp/before /tmp/after && echo identical
#
#   tools/snapshot.sh [--newsgraph PATH] [--shared DIR] OUT_DIR
#
# What it runs: `run` over the seeds, the example articles, both shared corpora and the
# pages-dev excerpts (each with its publication date); `run --projection`-free defaults;
# `test` and `lint` of the built-in rules; `eval` of the seeds' and the corpus gold (text and
# JSON); `explain` of the first seed. Timing lines are not written; nothing else is
# normalised: the outputs hold nothing unstable.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
ng="$root/build/newsgraph"
shared="../shared"  # relative to the checkout
while [ $# -gt 1 ]; do
  case "$1" in
    --newsgraph) ng="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    *) echo "snapshot: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ $# -eq 1 ] || { sed -n '2,16p' "$0"; exit 2; }
out="$(mkdir -p "$1" && cd "$1" && pwd)"
[ -x "$ng" ] || { echo "snapshot: no newsgraph binary at $ng" >&2; exit 2; }
ng="$(realpath "$ng")"
# Paths relative to the checkout, so that two checkouts (worktrees) give the same bytes.
cd "$root"
[ -d "$shared/corpus" ] || { echo "snapshot: $shared/corpus not found" >&2; exit 2; }
rm -rf "$out"
mkdir -p "$out"

step() { echo "snapshot: $*" >&2; }
# Runs a command, keeping its stdout, stderr and exit status under $out/$1.
keep() {
  local name="$1"; shift
  set +e
  "$@" >"$out/$name.stdout" 2>"$out/$name.stderr"
  echo $? >"$out/$name.rc"
  set -e
}

step "run: seeds, examples, corpora"
keep run-seeds "$ng" run "$shared/seeds" -o "$out/seeds" --quiet
keep run-examples "$ng" run "examples/articles" -o "$out/examples" --quiet
keep run-detik "$ng" run "$shared/corpus/detik-2025.jsonl" -o "$out/detik" --quiet
keep run-reuters "$ng" run "$shared/corpus/reuters-2017.jsonl" -o "$out/reuters" --quiet

step "run: pages-dev"
/usr/bin/python3 - "$shared/corpus/pages-dev/cases.jsonl" "$out/pages-dev.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w", encoding="utf-8") as f:
    for line in open(sys.argv[1], encoding="utf-8"):
        if not line.strip():
            continue
        c = json.loads(line)
        d = {"id": c["id"], "lang": c["lang"], "text": c["text"]}
        if c.get("dct") and len(c["dct"]) == 10:
            d["date"] = c["dct"]
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
# Relative paths: the origin of every document ("pages-dev.jsonl:3") is part of the output.
(cd "$out" && keep run-pages "$ng" run pages-dev.jsonl -o pages --quiet)

step "test, lint, eval, explain"
keep test "$ng" test
keep lint "$ng" lint rules
keep eval-seeds "$ng" eval --gold "examples/seeds/gold" "$shared/seeds"
# The corpus gold file by file (a gold file being written does not change the others).
for gold in examples/corpus/*.gold.jsonl; do
  name="$(basename "$gold" .gold.jsonl)"
  keep "eval-$name" "$ng" eval --gold "$gold" \
    "$shared/corpus/detik-2025.jsonl" "$shared/corpus/reuters-2017.jsonl"
  keep "eval-$name-json" "$ng" eval --json --gold "$gold" \
    "$shared/corpus/detik-2025.jsonl" "$shared/corpus/reuters-2017.jsonl"
done
first_seed="$(ls "$shared/seeds"/*.txt | head -1)"
keep explain "$ng" explain -f "$first_seed"
step "done: $out"
