#!/bin/sh
# Builds the Debian package of newsgraph from a build tree that is already built
# (tools/setup.sh, or cmake --build): `cmake --install` into a staging directory, the
# Debian files from tools/debian/, Depends from dpkg-shlibdeps, then dpkg-deb. It compiles
# nothing, so the package holds exactly the binary the tests ran (docs/install.md says
# why this route and not cpack or dpkg-buildpackage).
#
#   tools/package.sh [BUILD_DIR [OUT_DIR]]    # defaults: build, BUILD_DIR/package
#
# Prints the path of the .deb as the last line of stdout. Needs dpkg-dev (dpkg-shlibdeps,
# dpkg-parsechangelog), which tools/setup.sh installs. The package's version and
# maintainer come from the newest entry of tools/debian/changelog, whose upstream part must
# be the binary's version (CMake's project(VERSION)): a new version needs a changelog entry.
set -eu
umask 022
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=${2:-$build/package}
debian=$root/tools/debian

die() {
  echo "package.sh: $*" >&2
  exit 1
}
for tool in dpkg-deb dpkg-shlibdeps dpkg-parsechangelog; do
  command -v "$tool" > /dev/null 2>&1 || die "$tool not found (apt-get install dpkg-dev)"
done
[ -x "$build/newsgraph" ] && [ -f "$build/newsgraph.1.gz" ] ||
  die "no built newsgraph in $build (build first: tools/setup.sh, or cmake --build $build)"

version=$(dpkg-parsechangelog -l "$debian/changelog" -S Version)
maintainer=$(dpkg-parsechangelog -l "$debian/changelog" -S Maintainer)
upstream=${version%-*}
built=$("$build/newsgraph" --version)
case $built in
  "newsgraph $upstream "*) ;;
  *) die "tools/debian/changelog is at $version but the binary says '$built': add a changelog entry" ;;
esac
arch=$(dpkg --print-architecture)
# The package's file dates: those of the changelog entry, so two builds of one tree agree.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(dpkg-parsechangelog -l "$debian/changelog" -S Timestamp)}
export SOURCE_DATE_EPOCH

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg=$stage/debian/newsgraph  # where dpkg-shlibdeps expects a package

# 1. The files: the install rules of CMakeLists.txt; the binary stripped as dh_strip
#    strips one (no symbols, no .comment and .note sections).
DESTDIR=$pkg cmake --install "$build" --prefix /usr > "$stage/install.log" ||
  { cat "$stage/install.log" >&2; die "cmake --install failed"; }
strip --remove-section=.comment --remove-section=.note "$pkg/usr/bin/newsgraph"
mkdir -m 755 "$pkg/DEBIAN"

# 2. What Debian wants beside them: the copyright file, the Debian changelog, and the
#    lintian overrides (each with its reason).
doc=$pkg/usr/share/doc/newsgraph
install -m 644 "$debian/copyright" "$doc/copyright"
gzip -9nc "$debian/changelog" > "$doc/changelog.Debian.gz"
chmod 644 "$doc/changelog.Debian.gz"
mkdir -p "$pkg/usr/share/lintian/overrides"
install -m 644 "$debian/lintian-overrides" "$pkg/usr/share/lintian/overrides/newsgraph"

# 3. Depends: the packages of the shared libraries the binary links (re2, fmt, libstdc++,
#    libgcc, libc), with the minimum versions their symbols files ask, from dpkg-shlibdeps,
#    which wants a debian/control naming the package and the package in debian/NAME/.
printf 'Source: newsgraph\n\nPackage: newsgraph\nArchitecture: any\n' > "$stage/debian/control"
depends=$(cd "$stage" && dpkg-shlibdeps -O debian/newsgraph/usr/bin/newsgraph) || die "dpkg-shlibdeps failed"
depends=$(printf '%s\n' "$depends" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || die "dpkg-shlibdeps found no dependencies"

# 4. The control files.
size=$(du -sk "$pkg/usr" | cut -f1)
awk -v version="$version" -v arch="$arch" -v maintainer="$maintainer" -v size="$size" \
  -v depends="$depends" '{
    sub(/@VERSION@/, version); sub(/@ARCH@/, arch); sub(/@MAINTAINER@/, maintainer)
    sub(/@INSTALLED_SIZE@/, size); sub(/@DEPENDS@/, depends); print
  }' "$debian/control.in" > "$pkg/DEBIAN/control"
(cd "$pkg" && find usr -type f | LC_ALL=C sort | xargs md5sum) > "$pkg/DEBIAN/md5sums"
chmod 644 "$pkg/DEBIAN/control" "$pkg/DEBIAN/md5sums"

# 5. The package, every file owned by root.
mkdir -p "$out"
deb=$out/newsgraph_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$pkg" "$deb" > /dev/null
echo "$deb"
