#!/bin/sh
# The CI script for rules repositories, examples/ci/check-rules.sh, all three steps for real
# (issue 15): a small rules repository laid out in a temporary directory as
# docs/rule-authors.md lays one out -- a rule file that extends the built-in rules
# (rules/events/handshake.json: a handshake is a meeting), its test file beside it, two gold
# examples (one for that rule, one for a built-in rule) and MIN_F1 -- is checked
#
#   green: as shipped, as CI runs it on a push: exit 0;
#   red:   after a planted rule change that drops the handshake event, as CI runs it on a
#          pull request (-B: the base commit's rules make the baseline): exit 1, and the
#          report names the failing rule test, the event that went away and the F1 below
#          MIN_F1.
#
# Both reports (the script's whole output) are pinned: tests/check_rules/green.txt and
# red.txt. A difference writes NAME.unapproved.txt beside the pinned file and prints the
# diff; approve on purpose by moving the .unapproved.txt over the pinned file. newsgraph
# is called as `newsgraph` on PATH and every path is relative to the temporary directory,
# as in CI with the package installed; any absolute temporary path left is shown as TMP.
#
#   tests/check_rules_ci.sh NEWSGRAPH
set -u
ng=$1
case $ng in /*) ;; *) ng=$(pwd)/$ng ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
script=$root/examples/ci/check-rules.sh
pinned=$root/tests/check_rules
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() {
  echo "FAIL: $*"
  status=1
}

mkdir -p "$tmp/bin" "$tmp/repo/rules/events" "$tmp/repo/examples"
ln -s "$ng" "$tmp/bin/newsgraph"
PATH=$tmp/bin:$PATH
export PATH

cat > "$tmp/repo/rules/events/handshake.json" << 'JSON'
{
  "description": "Handshakes, which the built-in rules do not read: a handshake is a meeting in person (type meet, declared by the built-in rules).",
  "events": [
    {
      "id": "handshake.en.verb",
      "type": "meet",
      "lang": "en",
      "description": "A shook hands with B.",
      "pattern": "(?P<a>{PER})\\s+shook\\s+hands\\s+with\\s+(?P<b>{PER})",
      "roles": {
        "a": "participant",
        "b": "participant"
      }
    }
  ]
}
JSON
cat > "$tmp/repo/rules/events/handshake.test.txt" << 'TEST'
# Tests of rules/events/handshake.json.
# lang: en
# ruleid: handshake.en.verb
# expect: type=meet; participants=person:anthony-albanese,person:joko-widodo; place=place:jakarta
Prime Minister Anthony Albanese shook hands with President Joko Widodo in Jakarta.
# ok: handshake.en.verb
Anthony Albanese said he would not shake hands with anyone.
TEST
cat > "$tmp/repo/examples/handshake.txt" << 'TEXT'
Prime Minister Anthony Albanese shook hands with President Joko Widodo in Jakarta on 6 June 2022.
TEXT
cat > "$tmp/repo/examples/handshake.gold.jsonl" << 'GOLD'
{"doc": "handshake", "kind": "event", "type": "meet", "participants": ["person:anthony-albanese", "person:joko-widodo"], "date": "2022-06-06", "place": "place:jakarta"}
GOLD
cat > "$tmp/repo/examples/meeting.txt" << 'TEXT'
Menlu Rusia Sergey Lavrov bertemu dengan Menlu AS Antony Blinken di New York pada 12 April 2023.
TEXT
cat > "$tmp/repo/examples/meeting.gold.jsonl" << 'GOLD'
{"doc": "meeting", "kind": "event", "type": "meet", "participants": ["person:sergey-lavrov", "person:antony-blinken"], "date": "2023-04-12", "place": "place:new-york"}
GOLD
echo 1 > "$tmp/repo/examples/MIN_F1"
# The pull request's base: the rules as shipped.
mkdir -p "$tmp/base"
cp -R "$tmp/repo/rules" "$tmp/base/rules"
cd "$tmp" || exit 1

# compare NAME LOG: the run's report against tests/check_rules/NAME.txt.
compare() {
  sed "s|$tmp|TMP|g" "$2" > "$tmp/$1.normalised"
  if cmp -s "$pinned/$1.txt" "$tmp/$1.normalised"; then
    rm -f "$pinned/$1.unapproved.txt"
    echo "ok: the $1 report is the pinned tests/check_rules/$1.txt"
  else
    cp "$tmp/$1.normalised" "$pinned/$1.unapproved.txt"
    diff -u "$pinned/$1.txt" "$tmp/$1.normalised" | head -n 60
    fail "the $1 report differs from tests/check_rules/$1.txt; wrote $1.unapproved.txt beside it"
  fi
}

# 1. Green: the repository as shipped.
sh "$script" -r repo/rules -g repo/examples -o green > green.log 2>&1
rc=$?
cat green.log
[ "$rc" -eq 0 ] || fail "as shipped: exit $rc, expected 0"
grep -q 'failures="0"' green/rule-tests.xml 2> /dev/null || fail "green/rule-tests.xml: no failures=\"0\""
compare green green.log

# 2. Red: "shook hands" becomes "shakes hands", so the past-tense sentences no longer match.
sed 's/shook/shakes/' base/rules/events/handshake.json > repo/rules/events/handshake.json
cmp -s base/rules/events/handshake.json repo/rules/events/handshake.json &&
  fail "the planted change changed nothing"
sh "$script" -r repo/rules -g repo/examples -B base/rules -o red > red.log 2>&1
rc=$?
cat red.log
[ "$rc" -eq 1 ] || fail "the planted change: exit $rc, expected 1"
grep -q 'failures="1"' red/rule-tests.xml 2> /dev/null || fail "red/rule-tests.xml: no failures=\"1\""
compare red red.log

[ "$status" -eq 0 ] && echo "ok: check-rules.sh green as shipped, red with the pinned report"
exit "$status"
