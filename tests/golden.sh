#!/usr/bin/env bash
# Golden test: runs newsgraph on the seed articles and compares every output with the
# approved copy in examples/seeds/. On a difference it writes NAME.unapproved.EXT beside the
# approved file, prints the diff and fails; tools/approve.sh approves on purpose.
# Usage: golden.sh NEWSGRAPH SHARED_DIR        (exit 77 = skipped: no ../shared/seeds)
set -uo pipefail
ng="$(realpath "$1")"
shared="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
approved="$root/examples/seeds"
if [ ! -d "$shared/seeds" ]; then
  echo "SKIP: $shared/seeds not found (the seed articles live in ../shared)"
  exit 77
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Run from inside the shared directory so that origins are the stable "seeds/NAME.txt".
(cd "$shared" && "$ng" run seeds -o "$tmp" --quiet) || { echo "FAIL: newsgraph run failed"; exit 1; }
status=0
for f in facts.jsonl graph.graphml graph.jsonld report.json; do
  base="${f%.*}"; ext="${f##*.}"
  if [ ! -f "$approved/$f" ]; then
    echo "FAIL: no approved $approved/$f (run tools/approve.sh)"
    cp "$tmp/$f" "$approved/$base.unapproved.$ext"
    status=1
  elif ! cmp -s "$approved/$f" "$tmp/$f"; then
    cp "$tmp/$f" "$approved/$base.unapproved.$ext"
    echo "FAIL: $f differs from the approved output; wrote $approved/$base.unapproved.$ext"
    if [ "$ext" = jsonl ]; then
      # One document per line: diff the documents key by key, not the long lines.
      pretty='import json,sys
for line in open(sys.argv[1]):
    print(json.dumps(json.loads(line), indent=1, ensure_ascii=False))'
      diff -u <(/usr/bin/python3 -c "$pretty" "$approved/$f") \
              <(/usr/bin/python3 -c "$pretty" "$tmp/$f") | head -n 80
    else
      diff -u "$approved/$f" "$tmp/$f" | head -n 80
    fi
    status=1
  else
    rm -f "$approved/$base.unapproved.$ext"
    echo "ok: $f matches the approved output"
  fi
done
exit $status
