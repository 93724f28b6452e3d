#!/bin/sh
# The unpacked Debian package reproduces the seed goldens (issue 15): the .deb that
# package_deb.sh built into OUT_DIR is unpacked with dpkg -x (nothing is installed on this
# machine), and its binary, run on the seed articles, must write examples/seeds/ byte for
# byte; it must also say the version of the build tree's binary.
#
#   tests/package_seeds.sh OUT_DIR BUILD_DIR SHARED_DIR    (exit 77 = skipped: no seeds)
set -u
out=$1
build=$2
shared=$3
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$shared/seeds" ]; then
  echo "SKIP: $shared/seeds not found (the seed articles live in ../shared)"
  exit 77
fi
set -- "$out"/newsgraph_*.deb
[ "$#" -eq 1 ] && [ -f "$1" ] || { echo "FAIL: not one .deb in $out (does package_deb pass?)"; exit 1; }
deb=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg -x "$deb" "$tmp/x" || { echo "FAIL: dpkg -x $deb"; exit 1; }
ng=$tmp/x/usr/bin/newsgraph
status=0

v=$("$ng" --version)
[ "$v" = "$("$build/newsgraph" --version)" ] || { echo "FAIL: unpacked --version says '$v'"; status=1; }
echo "ok: $v"

# From inside the shared directory, as golden.sh runs, so origins are "seeds/NAME.txt".
(cd "$shared" && "$ng" run seeds -o "$tmp/out" --quiet) || { echo "FAIL: newsgraph run failed"; exit 1; }
for f in facts.jsonl graph.graphml graph.jsonld report.json; do
  if cmp "$root/examples/seeds/$f" "$tmp/out/$f"; then
    echo "ok: $f byte for byte as examples/seeds/$f"
  else
    diff -u "$root/examples/seeds/$f" "$tmp/out/$f" | head -n 40
    echo "FAIL: the packaged binary's $f differs from examples/seeds/$f"
    status=1
  fi
done
exit "$status"
