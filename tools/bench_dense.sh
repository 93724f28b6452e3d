#!/usr/bin/env bash
# Event-dense input against ordinary news, per byte (issue 13, point 5: resolution and merging
# in linear time). Writes, in a temporary folder, documents that repeat one sentence group
# N times on one line of text:
#   meet-id   an Indonesian meeting sentence with its date and place
#   back-id   the same with a back-reference ("Dalam pertemuan tersebut") and a pronoun
#   pronoun-en an English meeting with "He said ..." and "..., Blinken said."
# and a facts file of N one-sentence documents telling the same meeting (for `build`).
# Each is timed (user CPU seconds, start-up subtracted) next to extract -j1 of the shared
# corpora, and the ratio of seconds per MB to the corpora's is printed: linear time keeps
# it at a few, whatever N; a quadratic step makes it grow with N. Figures: docs/reliability.md.
#
#   tools/bench_dense.sh [--n N] [--newsgraph PATH] [--shared DIR]     (default N = 16000)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
n=16000
ng="$root/build/newsgraph"
shared="$root/../shared"
while [ $# -gt 0 ]; do
  case "$1" in
    --n) n="$2"; shift 2 ;;
    --newsgraph) ng="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench_dense: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$ng" ] || { echo "bench_dense: no newsgraph binary at $ng (run tools/setup.sh)" >&2; exit 2; }
[ -d "$shared/corpus" ] || { echo "bench_dense: $shared/corpus not found" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 - "$tmp" "$n" <<'EOF'
import json, sys
tmp, n = sys.argv[1], int(sys.argv[2])
groups = {
    "meet-id": "Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Rusia "
               "Sergey Lavrov di Jakarta pada Senin (5/6/2023). ",
    "back-id": "Presiden Joko Widodo menerima kunjungan Perdana Menteri Malaysia Anwar Ibrahim di "
               "Istana Bogor, Senin (8/1/2024). Dalam pertemuan tersebut, keduanya membahas "
               "perbatasan. Ia mengatakan hubungan kedua negara erat. ",
    "pronoun-en": "Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov in "
                  "Geneva on Monday. He said the meeting was useful. The talks lasted two hours, "
                  "Blinken said. ",
}
for name, text in groups.items():
    with open(f"{tmp}/{name}.txt", "w") as f:
        f.write(text * n)
with open(f"{tmp}/summit.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"d{i}", "lang": "id", "date": "2023-06-06",
                            "text": groups["meet-id"]}) + "\n")
EOF

# Prints the user CPU seconds of a command.
user() { /usr/bin/time -f %U -o "$tmp/time" "$@" >/dev/null 2>&1 || true; cat "$tmp/time"; }
mb() { /usr/bin/python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1e6)" "$1"; }

echo "x" > "$tmp/empty.txt"
start=$(user "$ng" extract -j1 "$tmp/empty.txt" -o /dev/null -q)
cat "$shared/corpus/detik-2025.jsonl" "$shared/corpus/reuters-2017.jsonl" > "$tmp/corpora.jsonl"
corp_s=$(user "$ng" extract -j1 "$tmp/corpora.jsonl" -o /dev/null -q)
corp_mb=$(mb "$tmp/corpora.jsonl")
big=$((1 << 30))
echo "newsgraph $("$ng" --version | head -1); N = $n; start-up ${start} s user"
printf '%-42s %8s %9s %9s %7s\n' input MB "user s" "s/MB" ratio
row() {  # name, MB, seconds (start-up included)
  /usr/bin/python3 -c "
import sys
name, mb, s, start, base = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
per = max(s - start, 0.0) / mb
ratio = f'{per / float(base):7.2f}' if base not in ('', '-') else f'{base or 1:>7}'
print(f'{name:42s} {mb:8.2f} {s - start:9.2f} {per:9.3f} {ratio}')
" "$1" "$2" "$3" "$start" "${4:-}"
}
base=$(/usr/bin/python3 -c "print(max($corp_s - $start, 0.001) / $corp_mb)")
row "detik-2025 + reuters-2017 (extract)" "$corp_mb" "$corp_s"
for name in meet-id back-id pronoun-en; do
  s=$(user "$ng" extract -j1 "$tmp/$name.txt" -o /dev/null -q --max-document-bytes "$big")
  row "$name x $n (extract, one document)" "$(mb "$tmp/$name.txt")" "$s" "$base"
done
"$ng" extract -j1 "$tmp/summit.jsonl" -o "$tmp/summit.facts" -q
s=$(user "$ng" build "$tmp/summit.facts" -o "$tmp/summit-out" -q)
# build reads facts, not text: its seconds per MB of facts are not comparable (no ratio); what
# matters is that they stay flat as N grows.
row "one meeting in $n documents (build; facts)" "$(mb "$tmp/summit.facts")" "$s" "-"
