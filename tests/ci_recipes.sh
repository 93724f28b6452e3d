#!/bin/sh
# The CI recipes of examples/ci/ run (issue 15): every shell step of the three workflows
# parses (bash -n), and the check step of the two rules-repository recipes runs for real
# with the package that package_deb built, unpacked (dpkg -x; nothing is installed here):
# its /usr/share/newsgraph/ci/check-rules.sh and its newsgraph on PATH, on the rules
# repository of tests/check_rules/make_repo.sh,
#
#   github-actions.yml "lint, test, eval":  a push (green, exit 0) and a pull request with
#                                           a rule change that drops an event (exit 1,
#                                           the summary page names it);
#   gitlab-ci.yml check-rules script:       a branch (green) and a merge request whose
#                                           base commit is checked out with git worktree
#                                           (exit 1).
#
# The steps that download and apt-get install the package are not run; package_deb and
# package_seeds check the package they would install.
#
#   tests/ci_recipes.sh DEB_DIR
set -u
debdir=$1
root=$(cd "$(dirname "$0")/.." && pwd)
ci=$root/examples/ci
status=0
fail() {
  echo "FAIL: $*"
  status=1
}
set -- "$debdir"/newsgraph_*.deb
[ "$#" -eq 1 ] && [ -f "$1" ] || { echo "FAIL: not one .deb in $debdir (does package_deb pass?)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg -x "$1" "$tmp/x" || { echo "FAIL: dpkg -x $1"; exit 1; }

# steps FILE: writes each shell step of a workflow to $tmp/steps/FILE.N.sh, its name first.
steps() {
  mkdir -p "$tmp/steps"
  /usr/bin/python3 - "$ci/$1" "$tmp/steps/$1" << 'PY'
import sys, yaml
path, out = sys.argv[1], sys.argv[2]
doc = yaml.safe_load(open(path, encoding="utf-8"))
scripts = []
for name, job in (doc.get("jobs") or {}).items():       # GitHub Actions
    for step in job.get("steps", []):
        if "run" in step:
            scripts.append((step.get("name", name), step["run"]))
for name, job in doc.items():                           # GitLab CI
    if isinstance(job, dict) and "script" in job:
        for i, line in enumerate(job["script"]):
            scripts.append(("%s.script.%d" % (name, i), line))
for i, (name, text) in enumerate(scripts):
    with open("%s.%d.sh" % (out, i), "w", encoding="utf-8") as f:
        f.write("# %s\n%s" % (name, text))
PY
}
# step FILE NAME: the path of the step whose first line names it.
step() {
  grep -lx "# $2" "$tmp/steps/$1".*.sh | head -n 1
}
# runnable FILE NAME: the step, with the package's files where the unpacked package has them.
runnable() {
  s=$(step "$1" "$2")
  [ -n "$s" ] || { echo "FAIL: no step '$2' in $1" >&2; return 1; }
  sed "s|/usr/share/newsgraph/|$tmp/x/usr/share/newsgraph/|g" "$s" > "$tmp/run.sh"
  echo "$tmp/run.sh"
}

# 1. Every shell step parses.
for f in github-actions.yml gitlab-ci.yml newsgraph-release.yml; do
  steps "$f" || { fail "$f: cannot read its steps"; continue; }
  for s in "$tmp/steps/$f".*.sh; do
    bash -n "$s" 2> "$tmp/syntax" || { cat "$tmp/syntax"; fail "$f: step $(head -n 1 "$s") does not parse"; }
  done
done
echo "ok: every shell step of the three workflows parses"

PATH=$tmp/x/usr/bin:$PATH
export PATH
export HOME="$tmp/home"    # git config --global in the GitLab recipe stays in here
mkdir -p "$HOME"

# 2. GitHub Actions, as the runner runs a step (bash -eo pipefail), with the workflow's env.
gh_run() {
  GITHUB_STEP_SUMMARY=$PWD/summary.md RULES_DIR=rules GOLD_DIR=examples \
    bash --noprofile --norc -eo pipefail "$1" > log 2>&1
}
mkdir -p "$tmp/gh-push" "$tmp/gh-pr"
"$root/tests/check_rules/make_repo.sh" "$tmp/gh-push/head" || exit 1
script=$(runnable github-actions.yml "lint, test, eval") || exit 1
(cd "$tmp/gh-push" && gh_run "$script")
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/gh-push/log"; fail "github-actions.yml on a push: exit $rc, expected 0"; }
grep -qx 'check-rules: lint=0 test=0 eval=0 -> exit 0' "$tmp/gh-push/summary.md" ||
  fail "github-actions.yml on a push: no green summary on the summary page"
"$root/tests/check_rules/make_repo.sh" "$tmp/gh-pr/head" || exit 1
cp -R "$tmp/gh-pr/head" "$tmp/gh-pr/base"
sed -i 's/shook/shakes/' "$tmp/gh-pr/head/rules/events/handshake.json"
(cd "$tmp/gh-pr" && gh_run "$script")
rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/gh-pr/log"; fail "github-actions.yml on a pull request: exit $rc, expected 1"; }
grep -qx 'check-rules: lint=0 test=1 eval=1 -> exit 1' "$tmp/gh-pr/summary.md" &&
  grep -q '^  - handshake meet \[person:anthony-albanese, person:joko-widodo\]' "$tmp/gh-pr/summary.md" ||
  fail "github-actions.yml on a pull request: the summary page does not name the removed event"
[ "$status" -eq 0 ] && echo "ok: github-actions.yml check step, push green, pull request red"

# 3. GitLab CI: the job runs in the repository's checkout; a merge request names its base.
script=""
for s in "$tmp/steps/gitlab-ci.yml".*.sh; do
  grep -q 'check-rules.sh' "$s" && script=$s
done
[ -n "$script" ] || fail "gitlab-ci.yml: no step runs check-rules.sh"
sed "s|/usr/share/newsgraph/|$tmp/x/usr/share/newsgraph/|g" "$script" > "$tmp/gitlab.sh"
repo=$tmp/gl
"$root/tests/check_rules/make_repo.sh" "$repo" || exit 1
gl_run() {
  (cd "$repo" && CI_PROJECT_DIR=$repo RULES_DIR=rules GOLD_DIR=examples "$@" \
    bash --noprofile --norc -eo pipefail "$tmp/gitlab.sh" > "$tmp/gl.log" 2>&1)
}
git_q() { git -C "$repo" -c user.name=ci -c user.email=ci@localhost "$@" > /dev/null; }
git_q init -q && git_q add -A && git_q commit -q -m shipped || fail "git: cannot make the repository"
base=$(git -C "$repo" rev-parse HEAD)
gl_run env
rc=$?
[ "$rc" -eq 0 ] || { cat "$tmp/gl.log"; fail "gitlab-ci.yml on the default branch: exit $rc, expected 0"; }
sed -i 's/shook/shakes/' "$repo/rules/events/handshake.json"
git_q commit -q -am "planted: shakes" || fail "git: cannot commit the planted change"
gl_run env CI_MERGE_REQUEST_DIFF_BASE_SHA="$base"
rc=$?
[ "$rc" -eq 1 ] || { cat "$tmp/gl.log"; fail "gitlab-ci.yml on a merge request: exit $rc, expected 1"; }
grep -q '^baseline report/base-facts.jsonl: 0 added, 1 removed' "$repo/report/eval.txt" 2> /dev/null ||
  fail "gitlab-ci.yml on a merge request: the base commit's rules made no baseline"
[ "$status" -eq 0 ] && echo "ok: gitlab-ci.yml check script, branch green, merge request red"
exit "$status"
