#!/usr/bin/env bash
# tests/layout_check.sh must fail, naming file and line, when extract/ includes a cli/
# header, graph/ an authoring/ one, or a file grows past the limit; and pass on a clean tree.
set -uo pipefail
check="$(dirname "$0")/layout_check.sh"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{base,rules,extract,graph,authoring,cli}
printf '#include "base/text.h"\n#include "rules/rules.h"\n' > "$tmp/extract/ok.cc"
printf '#include "extract/model.h"\n' > "$tmp/graph/ok.cc"
if ! "$check" "$tmp" >/dev/null; then echo "FAIL: a clean tree was rejected"; exit 1; fi
printf '#include "base/text.h"\n#include "cli/cli.h"\n' > "$tmp/extract/bad.cc"
printf '#include "authoring/eval_report.h"\n' > "$tmp/graph/bad.h"
seq 700 | sed 's/^/\/\/ /' > "$tmp/base/long.cc"
out="$("$check" "$tmp")"; rc=$?
expect=(
  'src/extract/bad.cc:2: includes "cli/cli.h": extract/ may include only base rules extract'
  'src/graph/bad.h:1: includes "authoring/eval_report.h": graph/ may include only base rules extract graph'
  'src/base/long.cc: 700 lines (at most 650: split it by phase or concern)'
)
status=0
[ "$rc" -eq 1 ] || { echo "FAIL: exit $rc, expected 1"; status=1; }
for e in "${expect[@]}"; do
  grep -qxF "$e" <<<"$out" || { echo "FAIL: missing line: $e"; status=1; }
done
[ "$status" -eq 0 ] && echo "ok: layout_check rejects the three planted violations"
[ "$status" -eq 0 ] || { echo "--- output:"; echo "$out"; }
exit "$status"
