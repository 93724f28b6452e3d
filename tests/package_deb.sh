#!/bin/sh
# The Debian package (issue 15): tools/package.sh builds it from this build tree into
# OUT_DIR; its control fields, its Depends (every library the binary links, by the package
# that ships it), its contents (paths, modes, root ownership), its man page (man
# --warnings) and lintian (no errors; warnings are listed in docs/install.md) are checked.
# package_seeds.sh then runs the unpacked binary (a ctest fixture: this test makes the
# .deb, that one uses it).
#
#   tests/package_deb.sh BUILD_DIR OUT_DIR
set -u
build=$1
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
fail() {
  echo "FAIL: $*"
  status=1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rm -rf "$out"
"$root/tools/package.sh" "$build" "$out" > "$tmp/package.log" 2>&1 || {
  cat "$tmp/package.log"
  echo "FAIL: tools/package.sh failed"
  exit 1
}
deb=$(tail -n 1 "$tmp/package.log")
[ -f "$deb" ] || { echo "FAIL: tools/package.sh made no $deb"; exit 1; }
echo "ok: built $deb"

# 1. The control fields.
dpkg-deb --info "$deb" > "$tmp/info" || { echo "FAIL: dpkg-deb --info"; exit 1; }
cat "$tmp/info"
field() { dpkg-deb --field "$deb" "$1"; }
version=$(dpkg-parsechangelog -l "$root/tools/debian/changelog" -S Version)
[ "$(field Package)" = newsgraph ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), changelog: $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: $(field Architecture)"
for f in Maintainer Installed-Size Section Priority Description; do
  [ -n "$(field "$f")" ] || fail "no $f field"
done

# 2. Depends names, with a minimum version, the package of every library the binary needs
#    (found here independently of dpkg-shlibdeps: NEEDED entries -> dpkg -S).
dpkg -x "$deb" "$tmp/x" || { echo "FAIL: dpkg -x"; exit 1; }
depends=$(field Depends)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2> /dev/null || gcc -print-multiarch)
needed=$(objdump -p "$tmp/x/usr/bin/newsgraph" | awk '$1 == "NEEDED" { print $2 }')
[ -n "$needed" ] || fail "objdump found no NEEDED libraries"
for lib in $needed; do
  pkg=$(dpkg -S "*/$multiarch/$lib" 2> /dev/null | sed -n "s|^\([^:]*\):[^ ]*: .*/$multiarch/$lib\$|\1|p" | head -n 1)
  if [ -z "$pkg" ]; then
    fail "$lib: no installed package ships it"
    continue
  fi
  case ", $depends," in
    *", $pkg ("*) echo "ok: $lib -> $pkg in Depends" ;;
    *) fail "$lib comes from $pkg, which Depends does not name with a version: $depends" ;;
  esac
done

# 3. The contents: every entry root/root; the files the install rules promise, with modes.
dpkg-deb --contents "$deb" > "$tmp/contents" || { echo "FAIL: dpkg-deb --contents"; exit 1; }
awk '$2 != "root/root" { print "FAIL: not root/root: " $0; bad = 1 } END { exit bad }' \
  "$tmp/contents" || status=1
for want in \
  '-rwxr-xr-x ./usr/bin/newsgraph' \
  '-rw-r--r-- ./usr/share/man/man1/newsgraph.1.gz' \
  '-rw-r--r-- ./usr/share/newsgraph/schemas/rules.schema.json' \
  '-rw-r--r-- ./usr/share/newsgraph/schemas/context.jsonld' \
  '-rw-r--r-- ./usr/share/newsgraph/schemas/facts.schema.json' \
  '-rw-r--r-- ./usr/share/newsgraph/rules/events/meet.json' \
  '-rw-r--r-- ./usr/share/newsgraph/rules/events/meet.test.txt' \
  '-rwxr-xr-x ./usr/share/newsgraph/ci/check-rules.sh' \
  '-rw-r--r-- ./usr/share/newsgraph/ci/github-actions.yml' \
  '-rw-r--r-- ./usr/share/newsgraph/ci/gitlab-ci.yml' \
  '-rw-r--r-- ./usr/share/doc/newsgraph/copyright' \
  '-rw-r--r-- ./usr/share/doc/newsgraph/changelog.Debian.gz' \
  '-rw-r--r-- ./usr/share/doc/newsgraph/README.md' \
  '-rw-r--r-- ./usr/share/doc/newsgraph/docs/install.md' \
  '-rw-r--r-- ./usr/share/doc/newsgraph/docs/rule-authors.md'; do
  mode=${want%% *}
  path=${want#* }
  awk -v m="$mode" -v p="$path" '$1 == m && $NF == p { found = 1 } END { exit !found }' \
    "$tmp/contents" || fail "no $path with mode $mode"
done
cmp -s "$tmp/x/usr/share/newsgraph/schemas/rules.schema.json" "$root/schemas/rules.schema.json" ||
  fail "the packaged rules.schema.json differs from schemas/"
objdump -h "$tmp/x/usr/bin/newsgraph" | grep -q '\.debug_\|\.symtab' &&
  fail "usr/bin/newsgraph is not stripped"

# 4. The man page: every command has its section, and man reports no warnings.
zcat "$tmp/x/usr/share/man/man1/newsgraph.1.gz" > "$tmp/newsgraph.1"
for c in run extract build explain lint test eval; do
  grep -qx ".SS \"newsgraph $c\"" "$tmp/newsgraph.1" || fail "the man page has no section for $c"
done
LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$tmp/newsgraph.1" \
  > /dev/null 2> "$tmp/man.err"
[ -s "$tmp/man.err" ] && { cat "$tmp/man.err"; fail "man --warnings on newsgraph.1"; }

# 5. lintian: no errors (warnings and info tags are printed; docs/install.md lists them).
echo "== lintian --fail-on error --display-info"
lintian --fail-on error --display-info "$deb" > "$tmp/lintian" 2>&1
rc=$?
grep -v '^running with root privileges' "$tmp/lintian"
[ "$rc" -eq 0 ] || fail "lintian: exit $rc (errors above)"

[ "$status" -eq 0 ] && echo "ok: the package builds, its fields, contents and man page check, lintian has no errors"
exit "$status"
