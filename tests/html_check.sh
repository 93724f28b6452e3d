#!/usr/bin/env bash
# The self-contained HTML page (--format html, issue 11) in a real browser: newsgraph draws
# the seed articles' graph and its actor network, Debian's Chromium opens each page headless
# from a file (no network), and the page must load without a console message or error and
# draw every node and edge of the GraphML written in the same run (the page's drawing code
# sets data-nodes, data-edges and data-drawn on <body> after drawing).
# Usage: html_check.sh NEWSGRAPH SHARED_DIR   (exit 77 = skipped: no seeds or no chromium)
set -uo pipefail
ng="$(realpath "$1")"
shared="$(realpath "$2" 2>/dev/null || echo "$2")"
[ -d "$shared/seeds" ] || { echo "SKIP: $shared/seeds not found"; exit 77; }
browser="$(command -v chromium || true)"
[ -n "$browser" ] || { echo "SKIP: chromium not on PATH (tools/setup-consumers.sh installs it)"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0

# check PAGE GRAPHML: Chromium loads PAGE; its DOM says it drew GRAPHML's nodes and edges.
check() {
  local page="$1" graphml="$2" name nodes edges dom log
  name="$(basename "$page")"
  nodes=$(grep -c '<node ' "$graphml")
  edges=$(grep -c '<edge ' "$graphml")
  dom="$tmp/$name.dom" log="$tmp/$name.log"
  # --no-sandbox: the tests run as root; a fresh profile so no state leaks in or out.
  if ! timeout 60 "$browser" --headless --disable-gpu --no-sandbox --no-first-run \
      --user-data-dir="$tmp/profile-$name" --enable-logging=stderr --v=0 \
      --dump-dom "file://$page" >"$dom" 2>"$log"; then
    echo "FAIL: $name: chromium exited with an error"; sed 's/^/  /' "$log"; status=1; return
  fi
  if grep -E 'CONSOLE|Uncaught' "$log"; then
    echo "FAIL: $name: console messages (above)"; status=1
  fi
  local body
  body="$(grep -o '<body[^>]*>' "$dom" || true)"
  if [[ "$body" == *"data-error="* ]]; then
    echo "FAIL: $name: the page reported an error: $body"; status=1
  elif [[ "$body" == *"data-nodes=\"$nodes\""* && "$body" == *"data-edges=\"$edges\""* &&
          "$body" == *'data-drawn="1"'* ]]; then
    echo "ok: $name: chromium drew $nodes nodes and $edges edges, no console messages"
  else
    echo "FAIL: $name: expected $nodes nodes and $edges edges drawn, the page says: ${body:-no <body>}"
    status=1
  fi
}

(cd "$shared" && "$ng" run seeds -o "$tmp/full" --quiet --format graphml,html) || exit 1
check "$tmp/full/graph.html" "$tmp/full/graph.graphml"
"$ng" build "$tmp/full/facts.jsonl" -o "$tmp/actors" --quiet --format graphml,html \
  --projection actors || exit 1
check "$tmp/actors/actors.html" "$tmp/actors/actors.graphml"
exit $status
