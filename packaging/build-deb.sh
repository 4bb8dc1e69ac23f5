#!/usr/bin/env bash
# Builds the Debian package and checks it with lintian.
#
#   packaging/build-deb.sh [OUTDIR]
#
# Exports the tracked files of this checkout (or, with PR_DEB_TREEISH=HEAD, a
# commit) into a temporary directory, puts packaging/debian there as debian/,
# runs dpkg-buildpackage -b and lintian, and leaves
# packet-recorder_<version>_<arch>.deb in OUTDIR (default: the current
# directory). The build dependencies (debian/control) must be installed, plus
# dpkg-dev, debhelper and lintian. PR_DEB_JOBS limits parallel jobs;
# PR_DEB_KEEP=1 keeps the build directory for a look afterwards.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
outdir=$(realpath -m "${1:-.}")
jobs=${PR_DEB_JOBS:-$(nproc)}

for tool in dpkg-buildpackage dpkg-parsechangelog lintian; do
    if ! command -v "$tool" >/dev/null; then
        echo "build-deb.sh: $tool is missing (apt-get install dpkg-dev debhelper lintian)" >&2
        exit 1
    fi
done

version=$(dpkg-parsechangelog -l "$here/debian/changelog" -S Version)
upstream=${version%-*}
arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb=packet-recorder_${version}_${arch}.deb

work=$(mktemp -d)
if [[ ${PR_DEB_KEEP:-} == 1 ]]; then
    trap 'echo "build directory kept: $work"' EXIT
else
    trap 'rm -rf "$work"' EXIT
fi
src=$work/packet-recorder-$upstream
mkdir "$src"

if [[ -n ${PR_DEB_TREEISH:-} ]]; then
    echo "exporting $PR_DEB_TREEISH"
    git -C "$top" archive --format=tar "$PR_DEB_TREEISH" | tar -xf - -C "$src"
elif git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # Tracked files as they are now, edits included; build trees and other
    # untracked files stay out. Files deleted but not yet committed are skipped.
    echo "exporting the tracked files of $top"
    (
        cd "$top"
        git ls-files -z | while IFS= read -r -d '' f; do
            [[ -e $f || -L $f ]] && printf '%s\0' "$f"
        done | tar --null -T - -cf -
    ) | tar -xf - -C "$src"
else
    echo "exporting $top (not a git checkout)"
    tar -C "$top" --exclude='./build*' --exclude=./.git -cf - . | tar -xf - -C "$src"
fi
# From the export, not from this checkout: with PR_DEB_TREEISH the package
# scripts must be the commit's too.
cp -a "$src/packaging/debian" "$src/debian"

echo "building $deb"
(
    cd "$src"
    # noddebs: no separate debug-symbol package is wanted from this script.
    DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }noddebs" \
        dpkg-buildpackage -us -uc -b --jobs-try="$jobs"
)

changes=$(echo "$work"/packet-recorder_"${version}"_*.changes)
echo "lintian $(lintian --print-version):"
if ! lintian --fail-on error,warning --display-info "$changes"; then
    echo "build-deb.sh: lintian reported errors or warnings" >&2
    exit 1
fi

mkdir -p "$outdir"
cp "$work/$deb" "$outdir/"
echo "$outdir/$deb"
