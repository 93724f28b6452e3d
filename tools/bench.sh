#!/usr/bin/env bash
# Throughput and memory benchmark of newsgraph over the shared corpora.
#
#   tools/bench.sh [--times N] [--newsgraph PATH] [--shared DIR]
#
# Concatenates ../shared/corpus/detik-2025.jsonl and reuters-2017.jsonl N times each (ids made
# unique; default N = 5), then measures with /usr/bin/time:
#   extract -j1, extract -j2 (facts only) and run -j2 (facts + build + GraphML + JSON-LD)
# and prints wall time, MB/s, documents/s and peak resident memory for each. The figures go
# into docs/performance.md by hand, with the machine and the commit. Wall times vary with
# the machine's load; `--instructions` adds a valgrind instruction count of extract -j1 on
# one copy of each corpus, which is repeatable for the same binary and input.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
times=5
ng="$root/build/newsgraph"
shared="$root/../shared"
instructions=0
while [ $# -gt 0 ]; do
  case "$1" in
    --times) times="$2"; shift 2 ;;
    --newsgraph) ng="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    --instructions) instructions=1; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x "$ng" ] || { echo "bench: no newsgraph binary at $ng (run tools/setup.sh)" >&2; exit 2; }
[ -d "$shared/corpus" ] || { echo "bench: $shared/corpus not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

make_corpus() {  # $1 corpus file, $2 copies, $3 output
  /usr/bin/python3 - "$1" "$2" "$3" <<'PY'
import json, sys
src, copies, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
lines = [l for l in open(src, encoding="utf-8").read().split("\n") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for line in lines:
            d = json.loads(line)
            d["id"] = f"{d['id']}~{k}"
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
}

measure() {  # $1 label, $2 input, rest: newsgraph arguments
  local label="$1" input="$2"
  shift 2
  local bytes docs
  bytes=$(/usr/bin/python3 -c "import json,sys;print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1],encoding='utf-8').read().split(chr(10)) if l.strip()))" "$input")
  docs=$(wc -l < "$input")
  /usr/bin/time -f "%e %M" -o "$tmp/time" "$ng" "$@" "$input" --quiet >/dev/null
  read -r wall rss_kb < "$tmp/time"
  /usr/bin/python3 -c "
import sys
label, wall, rss, b, d = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
print(f'{label:<34} {wall:7.2f} s  {b/1e6/wall:7.2f} MB/s  {d/wall:8.0f} docs/s  {rss/1024:7.1f} MiB peak  ({d} docs, {b/1e6:.1f} MB of text)')
" "$label" "$wall" "$rss_kb" "$bytes" "$docs"
}

echo "newsgraph $("$ng" --version | cut -d' ' -f2), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(date -u +%Y-%m-%d)"
for corpus in detik-2025 reuters-2017; do
  make_corpus "$shared/corpus/$corpus.jsonl" "$times" "$tmp/$corpus.x$times.jsonl"
  in="$tmp/$corpus.x$times.jsonl"
  measure "$corpus x$times extract -j1" "$in" extract -j 1 -o /dev/null
  measure "$corpus x$times extract -j2" "$in" extract -j 2 -o /dev/null
  measure "$corpus x$times run -j2" "$in" run -j 2 -o "$tmp/out-$corpus"
done
if [ "$instructions" = 1 ]; then
  for corpus in detik-2025 reuters-2017; do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$ng" extract -j 1 --quiet \
      -o /dev/null "$shared/corpus/$corpus.jsonl" 2>"$tmp/vg" || true
    echo "$corpus x1 extract -j1: $(grep -o 'refs: *[0-9,]*' "$tmp/vg" | tr -s ' ') instructions"
  done
fi
