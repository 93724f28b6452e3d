#!/bin/sh
# The CI script for rules repositories, examples/ci/check-rules.sh, all three steps for real
# (issue 15): a small rules repository laid out in a temporary directory as
# docs/rule-authors.md lays one out (tests/check_rules/make_repo.sh: a rule file that
# extends the built-in rules, its test file beside it, two gold examples and MIN_F1) is
# checked
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

mkdir -p "$tmp/bin"
ln -s "$ng" "$tmp/bin/newsgraph"
PATH=$tmp/bin:$PATH
export PATH

"$pinned/make_repo.sh" "$tmp/repo" || exit 1
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
