#!/bin/sh
# The CI recipe's script (examples/ci/check-rules.sh, GitHub issue 3 part 6), its eval step
# for real: a small rules repository in a temporary directory, evaluated as it is, then
# with a deliberately broken rule against the unbroken rules as the pull request's base.
# Checks exit codes passed through, the reports written, and the exact baseline lines.
# (The lint and test steps are exercised by their own tests; here only -s eval.)
# Usage: eval_ci.sh NEWSGRAPH
set -u
ng=$1
case $ng in /*) ;; *) ng=$(pwd)/$ng ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
script=$root/examples/ci/check-rules.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

# The repository: its own copy of events/meet.json, one example with gold.
mkdir -p "$tmp/repo/rules/events" "$tmp/repo/examples" "$tmp/base/rules/events"
cp "$root/rules/events/meet.json" "$tmp/repo/rules/events/meet.json"
cp "$root/rules/events/meet.json" "$tmp/base/rules/events/meet.json"
cat > "$tmp/repo/examples/t1.txt" <<'TEXT'
Menlu Rusia Sergey Lavrov bertemu dengan Menlu AS Antony Blinken di New York pada 12 April 2023. Presiden Joko Widodo dan Presiden Vladimir Putin bertemu di Moskow pada Juni 2022.
TEXT
cat > "$tmp/repo/examples/t1.gold.jsonl" <<'GOLD'
{"doc": "t1", "kind": "event", "type": "meet", "participants": ["person:sergey-lavrov", "person:antony-blinken"], "date": "2023-04-12", "place": "place:new-york"}
{"doc": "t1", "kind": "event", "type": "meet", "participants": ["person:joko-widodo", "person:vladimir-putin"], "date": "2022-06", "place": "place:moscow"}
GOLD
echo 1 > "$tmp/repo/examples/MIN_F1"
cd "$tmp" || exit 1

# 1. As it is: exit 0, every report written, the threshold read from examples/MIN_F1.
sh "$script" -n "$ng" -r repo/rules -g repo/examples -o out1 -s eval > log1 2>&1
rc=$?
cat log1
[ "$rc" -eq 0 ] || fail "unchanged rules: exit $rc, expected 0"
for f in eval.txt eval.json facts.jsonl summary.txt; do
  [ -s "out1/$f" ] || fail "out1/$f not written"
done
grep -qx 'event F1 1.000 >= --min-f1 1: ok' out1/eval.txt || fail "no min-f1 line in eval.txt"
grep -q '"passed": true' out1/eval.json || fail "eval.json does not say passed"
grep -qx 'check-rules: eval=0 -> exit 0' out1/summary.txt || fail "summary: $(cat out1/summary.txt)"

# 2. The pull request breaks meet.id.verb (the noun fragment where the verb belongs);
#    the base checkout has the rules unbroken: exit 1 passed through from eval, and the
#    report lists exactly the event that went away.
/usr/bin/python3 - "$tmp/repo/rules/events/meet.json" <<'PY' || fail "cannot edit meet.json"
import json, sys
path = sys.argv[1]
rules = json.load(open(path, encoding="utf-8"))
rule = next(r for r in rules["events"] if r["id"] == "meet.id.verb")
assert "{MEET_VERB_ID}" in rule["pattern"]
rule["pattern"] = rule["pattern"].replace("{MEET_VERB_ID}", "{MEET_NOUN_ID}", 1)
json.dump(rules, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
sh "$script" -n "$ng" -r repo/rules -g repo/examples -B base/rules -o out2 -s eval > log2 2>&1
rc=$?
cat log2
[ "$rc" -eq 1 ] || fail "broken rule: exit $rc, expected 1"
[ -s out2/base-facts.jsonl ] || fail "no baseline facts from the base rules"
grep -qx 'baseline out2/base-facts.jsonl: 0 added, 1 removed, 1 unchanged; event F1 1.000 -> 0.667' out2/eval.txt ||
  fail "no baseline summary line"
grep -qx '  - t1 meet \[person:antony-blinken, person:sergey-lavrov\] date=2023-04-12 place=place:new-york modality=held' out2/eval.txt ||
  fail "the removed event is not listed"
grep -qx 'FAILED: event F1 0.667 < --min-f1 1' out2/eval.txt || fail "no FAILED line"
grep -qx 'check-rules: eval=1 -> exit 1' out2/summary.txt || fail "summary: $(cat out2/summary.txt)"

# 3. -m overrides MIN_F1; the saved run of 1. is a baseline too (-b).
sh "$script" -n "$ng" -r repo/rules -g repo/examples -b out1/facts.jsonl -m 0.6 -o out3 -s eval > log3 2>&1
rc=$?
[ "$rc" -eq 0 ] || { cat log3; fail "-m 0.6: exit $rc, expected 0"; }
grep -q '^baseline out1/facts.jsonl: 0 added, 1 removed' out3/eval.txt || fail "-b not used"

# 4. Usage and input errors: exit 2.
sh "$script" -n "$ng" -r nowhere -s eval > log4 2>&1
[ $? -eq 2 ] || fail "missing rules directory: expected exit 2"
sh "$script" -n "$ng" -r repo/rules -s lint,bogus > log5 2>&1
[ $? -eq 2 ] || fail "unknown step: expected exit 2"
grep -q "unknown step 'bogus'" log5 || fail "unknown step not named"
sh "$script" -n "$ng" -r repo/rules -g repo/examples -o out6 -s eval -m 2 > log6 2>&1
[ $? -eq 2 ] || { cat log6; fail "--min-f1 2: expected exit 2 passed through"; }
echo "ok: check-rules.sh eval step"
