#!/usr/bin/env bash
# Recall floors on ../shared/corpus/pages-dev (issue 14): runs the shared scorer, score.py,
# as any user would, and fails when the meet/visit/call F1 or precision of a language falls
# below its floor. The floors are the figures of the day they were set less one event's
# worth (the scorer matches greedily, so a figure moves by about 0.01 from run to run).
#
#   tests/pages_dev_score.sh NEWSGRAPH SHARED_DIR ID_MIN_F1 ID_MIN_P EN_MIN_F1 EN_MIN_P
set -euo pipefail
ng="$1" shared="$2"
scorer="$shared/corpus/pages-dev/score.py"
if [ ! -f "$scorer" ]; then
  echo "skipped: $scorer not found (../shared is not beside the checkout)"
  exit 77
fi
line="$(/usr/bin/python3 "$scorer" "$ng" | tail -1)"
echo "$line"
/usr/bin/python3 - "$line" "$3" "$4" "$5" "$6" <<'PY'
import re, sys
line = sys.argv[1]
floors = {"id": (float(sys.argv[2]), float(sys.argv[3])), "en": (float(sys.argv[4]), float(sys.argv[5]))}
failed = False
for lang, (min_f1, min_p) in floors.items():
    m = re.search(lang + r": F1 ([0-9.]+) \(P ([0-9.]+)", line)
    if not m:
        print(f"pages_dev_score: no figure for '{lang}' in the scorer's output")
        sys.exit(1)
    f1, p = float(m.group(1)), float(m.group(2))
    if f1 < min_f1 or p < min_p:
        print(f"pages_dev_score: {lang} F1 {f1:.2f} (P {p:.2f}) is below the floor F1 {min_f1:.2f} (P {min_p:.2f})")
        failed = True
sys.exit(1 if failed else 0)
PY
