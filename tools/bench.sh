#!/usr/bin/env bash
# Throughput and memory benchmark of newsgraph over the shared corpora (issue 12).
#
#   tools/bench.sh [--times N] [--newsgraph PATH] [--bench PATH] [--shared DIR]
#                  [--reference-mb MB] [--instructions] [--pathological]
#
# Builds one corpus of both languages: ../shared/corpus/detik-2025.jsonl (Indonesian) then
# reuters-2017.jsonl (English), the pair N times over (default N = 13: 25,857 documents,
# 69.3 MB of article text), every id made unique with "~copy". Then:
#   1. tools/bench/bench_pipeline (the CMake target bench_pipeline, built here if missing)
#      over it: MB/s, documents/s, sentences/s, CPU seconds per stage (read, language,
#      split, stage 1 by pass, stage 2, resolution, facts, build, graph, each writer), peak
#      memory, the reference -- one unanchored RE2::Set of all the rule set's patterns,
#      over the first --reference-mb MB (default 4) -- and the literal reference (the
#      prefilters' atoms), and the ratios of extraction MB/s to both;
#   2. the newsgraph binary, with /usr/bin/time: extract -j1, extract -j2 and run -j2: wall
#      and CPU seconds, MB/s of each, documents/s, peak resident memory.
# The machine may be shared: CPU seconds move less with others' load than wall seconds.
# `--instructions` adds valgrind instruction counts of extract -j1 on one copy of each
# corpus (repeatable for the same binary and input). `--pathological` adds extract -j1 of
# three inputs that must not cost more than 10x the corpus's average per byte: one 50 MB
# line of words without punctuation, a text of 10,000 names with titles, a sentence of
# 100,000 commas (CPU MB/s after start-up, and the factor against the corpus). The figures
# go into docs/performance.md by hand, with the machine, the command and the commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
times=13
ng="$root/build/newsgraph"
bench=""
shared="$root/../shared"
reference_mb=4
instructions=0
pathological=0
while [ $# -gt 0 ]; do
  case "$1" in
    --times) times="$2"; shift 2 ;;
    --newsgraph) ng="$2"; shift 2 ;;
    --bench) bench="$2"; shift 2 ;;
    --shared) shared="$2"; shift 2 ;;
    --reference-mb) reference_mb="$2"; shift 2 ;;
    --instructions) instructions=1; shift ;;
    --pathological) pathological=1; shift ;;
    -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "bench: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ -x "$ng" ] || { echo "bench: no newsgraph binary at $ng (run tools/setup.sh)" >&2; exit 2; }
[ -d "$shared/corpus" ] || { echo "bench: $shared/corpus not found" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
if [ -z "$bench" ]; then
  bench="$(dirname "$ng")/bench_pipeline"
  if [ ! -x "$bench" ]; then
    cmake --build "$(dirname "$ng")" --target bench_pipeline >&2 ||
      { echo "bench: cannot build bench_pipeline (cmake --build build --target bench_pipeline)" >&2; exit 2; }
  fi
fi
[ -x "$bench" ] || { echo "bench: no bench_pipeline at $bench" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

make_corpus() {  # $1 copies, $2 output, then the corpus files
  /usr/bin/python3 - "$@" <<'PY'
import json, sys
copies, out, sources = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
docs = []
for src in sources:
    docs += [json.loads(l) for l in open(src, encoding="utf-8").read().split("\n") if l.strip()]
with open(out, "w", encoding="utf-8") as f:
    for k in range(copies):
        for d in docs:
            f.write(json.dumps(dict(d, id=f"{d['id']}~{k}"), ensure_ascii=False) + "\n")
PY
}

measure() {  # $1 label, $2 input, rest: newsgraph arguments
  local label="$1" input="$2"
  shift 2
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/time" "$ng" "$@" "$input" --quiet >/dev/null
  read -r wall user sys rss_kb < "$tmp/time"
  /usr/bin/python3 -c "
import sys
label, wall, cpu, rss, b, d = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]) + float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
print(f'{label:<16} wall {wall:6.2f} s {b/1e6/wall:6.2f} MB/s {d/wall:6.0f} docs/s | CPU {cpu:6.2f} s {b/1e6/cpu:6.2f} MB/s per core | {rss/1024:6.1f} MiB peak')
" "$label" "$wall" "$user" "$sys" "$rss_kb" "$bytes" "$docs"
}

corpus="$tmp/both.x$times.jsonl"
make_corpus "$times" "$corpus" "$shared/corpus/detik-2025.jsonl" "$shared/corpus/reuters-2017.jsonl"
bytes=$(/usr/bin/python3 -c "import json,sys;print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1],encoding='utf-8')))" "$corpus")
docs=$(wc -l < "$corpus")
echo "newsgraph $("$ng" --version | cut -d' ' -f2), commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "corpus: detik-2025 + reuters-2017, x$times, ids made unique: $docs documents, $(/usr/bin/python3 -c "print(f'{$bytes/1e6:.1f}')") MB of text"
echo
echo "== bench_pipeline (one thread, CPU time) =="
"$bench" --reference-mb "$reference_mb" "$corpus"
echo
echo "== newsgraph binary (/usr/bin/time) =="
measure "extract -j1" "$corpus" extract -j 1 -o /dev/null
measure "extract -j2" "$corpus" extract -j 2 -o /dev/null
measure "run -j2" "$corpus" run -j 2 -o "$tmp/out"
if [ "$pathological" = 1 ]; then
  echo
  echo "== pathological inputs (extract -j1, CPU after start-up; factor = corpus MB/s / this) =="
  /usr/bin/time -f "%U %S" -o "$tmp/time" "$ng" extract -j 1 --quiet -o /dev/null "$corpus"
  read -r user sys < "$tmp/time"
  corpus_cpu=$(/usr/bin/python3 -c "print(float('$user') + float('$sys'))")
  : > "$tmp/empty.jsonl"
  /usr/bin/time -f "%U %S" -o "$tmp/time" "$ng" extract -j 1 --quiet -o /dev/null "$tmp/empty.jsonl"
  read -r user sys < "$tmp/time"
  startup=$(/usr/bin/python3 -c "print(float('$user') + float('$sys'))")
  /usr/bin/python3 - "$tmp" "$shared/corpus/detik-2025.jsonl" <<'PY'
import json, random, sys
tmp, src = sys.argv[1], sys.argv[2]
rng = random.Random(12)
words = [w for l in open(src, encoding="utf-8") for w in json.loads(l)["text"].split() if w.isalpha()]
def write(name, text):
    with open(f"{tmp}/{name}.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": name, "lang": "id", "text": text}, ensure_ascii=False) + "\n")
line, n = [], 0
while n < 50_000_000:
    w = rng.choice(words); line.append(w); n += len(w) + 1
write("line", " ".join(line))
names = ["Menteri Luar Negeri Rusia Sergey Lavrov", "Presiden Prabowo Subianto",
         "Menlu AS Antony Blinken", "Direktur CIA William Burns",
         "mantan pejabat senior AS Richard Haass", "Sekjen PBB Antonio Guterres"]
write("names", ", ".join(rng.choice(names) for _ in range(10_000)) + ".")
write("commas", "Lavrov bertemu " + ", " * 100_000 + "Blinken.")
PY
  for p in line names commas; do
    /usr/bin/time -f "%U %S %M" -o "$tmp/time" "$ng" extract -j 1 --quiet -o /dev/null "$tmp/$p.jsonl"
    read -r user sys rss_kb < "$tmp/time"
    /usr/bin/python3 -c "
import json, sys
p, cpu, startup, rss, corpus_cpu, corpus_bytes = sys.argv[1], float(sys.argv[2]) + float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
b = len(json.loads(open(sys.argv[8], encoding='utf-8').readline())['text'].encode())
work = max(cpu - startup, 1e-3)
avg = corpus_bytes / 1e6 / max(corpus_cpu - startup, 1e-3)
print(f'{p:<8} {b/1e6:7.2f} MB  CPU {work:6.2f} s  {b/1e6/work:7.2f} MB/s  {avg/(b/1e6/work):5.1f}x the corpus per byte  {rss/1024:6.1f} MiB peak')
" "$p" "$user" "$sys" "$startup" "$rss_kb" "$corpus_cpu" "$bytes" "$tmp/$p.jsonl"
  done
fi
if [ "$instructions" = 1 ]; then
  for c in detik-2025 reuters-2017; do
    valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$ng" extract -j 1 --quiet \
      -o /dev/null "$shared/corpus/$c.jsonl" 2>"$tmp/vg" || true
    echo "$c x1 extract -j1: $(grep -o 'refs: *[0-9,]*' "$tmp/vg" | tr -s ' ') instructions"
  done
fi
