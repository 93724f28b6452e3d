#!/bin/sh
# check-rules.sh: lint, test and evaluate a newsgraph rules repository, in any CI (plain
# POSIX sh: dash, busybox ash, bash). See docs/eval.md, "The CI recipe".
#
# Usage: check-rules.sh [options] [INPUT...]
#
#   -n NEWSGRAPH  the newsgraph binary (default: $NEWSGRAPH, else newsgraph on PATH)
#   -r DIR        the repository's rule files (default: rules); they extend the built-in
#                 rules, a file with the same relative path replaces the built-in one
#   -x            no built-in rules: only the repository's rule files
#   -a            the test step runs every test file of the rule set, the built-in rules'
#                 too (default: the repository's test files, with the whole set loaded)
#   -g DIR        the gold: NAME.gold.jsonl files, with NAME.txt beside them or documents
#                 in INPUT (default: examples)
#   -m X          fail if the event F1 is below X (default: the number in DIR/MIN_F1 of
#                 the gold directory, if that file exists)
#   -b FILE       compare with a saved run (facts.jsonl from an earlier --save)
#   -B DIR        compare with the rules in DIR (a checkout of the pull request's base):
#                 eval runs with them first and its facts become the baseline
#   -o DIR        where the reports go (default: check-rules-out)
#   -s STEPS      the steps to run, comma-separated: lint,test,eval (default: all)
#   INPUT         files or directories holding gold documents by id (.txt, .jsonl)
#
# Writes into the output directory: lint.txt, test.txt and rule-tests.xml (JUnit),
# eval.txt (the report), eval.json (the same for machines), facts.jsonl (this run's
# facts: the next run's baseline), base-eval.txt and base-facts.jsonl (with -B), and
# summary.txt.
#
# Every step runs even if an earlier one failed, so one CI run shows every problem. Exit
# status: the highest of the steps' exit codes, passed through from newsgraph (0 ok,
# 1 findings: lint errors, failing rule tests, F1 below the threshold; 2 usage, input or
# rule errors); 2 for a usage error of this script.
set -u

ng=${NEWSGRAPH:-newsgraph}
rules=rules
gold=examples
min_f1=
baseline=
base_rules=
out=check-rules-out
steps=lint,test,eval
no_builtin=
all_tests=

usage() {
  sed -n '2,/^[^#]/{/^#/{s/^# \{0,1\}//;p;};}' "$0"
}

while getopts n:r:xag:m:b:B:o:s:h opt; do
  case $opt in
    n) ng=$OPTARG ;;
    r) rules=$OPTARG ;;
    x) no_builtin=1 ;;
    a) all_tests=1 ;;
    g) gold=$OPTARG ;;
    m) min_f1=$OPTARG ;;
    b) baseline=$OPTARG ;;
    B) base_rules=$OPTARG ;;
    o) out=$OPTARG ;;
    s) steps=$OPTARG ;;
    h) usage; exit 0 ;;
    *) echo "(see check-rules.sh -h)" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

die() {
  echo "check-rules.sh: $*" >&2
  exit 2
}

for s in $(echo "$steps" | tr ',' ' '); do
  case $s in
    lint|test|eval) ;;
    *) die "unknown step '$s' (steps: lint,test,eval)" ;;
  esac
done
want() {
  case ",$steps," in
    *,"$1",*) return 0 ;;
    *) return 1 ;;
  esac
}
[ -d "$rules" ] || die "rules directory '$rules' not found (-r DIR)"
if want eval; then
  [ -e "$gold" ] || die "gold directory '$gold' not found (-g DIR)"
  [ -z "$baseline" ] || [ -f "$baseline" ] || die "baseline '$baseline' not found (-b FILE)"
  if [ -z "$min_f1" ] && [ -f "$gold/MIN_F1" ]; then
    min_f1=$(tr -d ' \t\r\n' < "$gold/MIN_F1")
  fi
fi
mkdir -p "$out" || die "cannot create '$out'"

status=0
summary=
# run_step NAME COMMAND...: runs the command, keeps its output in OUT/NAME.txt and shows
# it, and records its exit code.
run_step() {
  name=$1
  shift
  echo "== $name: $*"
  "$@" > "$out/$name.txt" 2>&1
  rc=$?
  cat "$out/$name.txt"
  echo "== $name: exit $rc"
  [ "$rc" -gt "$status" ] && status=$rc
  summary="$summary $name=$rc"
  return 0
}

# lint [--no-builtin-rules] RULES: the repository's files, loaded with the set they extend.
run_lint() {
  [ -n "$no_builtin" ] && set -- --no-builtin-rules "$@"
  run_step lint "$ng" lint "$@" "$rules"
}

# test [--no-builtin-rules] --rules RULES --junit FILE [RULES]: the repository's test
# files (every test file of the set with -a), run with the whole rule set.
run_test() {
  [ -z "$all_tests" ] && set -- "$rules"
  [ -n "$no_builtin" ] && set -- --no-builtin-rules "$@"
  run_step test "$ng" test --rules "$rules" --junit "$out/rule-tests.xml" "$@"
}

# eval with the base rules, to make the baseline (-B).
run_base() {
  [ -n "$no_builtin" ] && set -- --no-builtin-rules "$@"
  echo "== base-eval: the rules of $base_rules, for the baseline"
  "$ng" eval --gold "$gold" --rules "$base_rules" --save "$out/base-facts.jsonl" "$@" \
    > "$out/base-eval.txt" 2>&1
  rc=$?
  echo "== base-eval: exit $rc"
  if [ "$rc" -ge 2 ]; then
    cat "$out/base-eval.txt"
    status=2
    summary="$summary base-eval=$rc"
    return 1
  fi
  baseline=$out/base-facts.jsonl
  return 0
}

# eval: the report on stdout and in eval.json, this run's facts saved as the next baseline.
run_eval() {
  [ -n "$min_f1" ] && set -- --min-f1 "$min_f1" "$@"
  [ -n "$baseline" ] && set -- --baseline "$baseline" "$@"
  [ -n "$no_builtin" ] && set -- --no-builtin-rules "$@"
  run_step eval "$ng" eval --gold "$gold" --rules "$rules" --save "$out/facts.jsonl" \
    --report "$out/eval.json" "$@"
}

want lint && run_lint
want test && run_test
if want eval; then
  if [ -n "$base_rules" ]; then
    if [ -d "$base_rules" ]; then
      run_base "$@"
    else
      echo "== base-eval: no '$base_rules' (new rules directory?): no baseline"
    fi
  fi
  run_eval "$@"
fi

echo "check-rules:$summary -> exit $status" | tee "$out/summary.txt"
exit "$status"
