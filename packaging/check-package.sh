#!/usr/bin/env bash
# Checks a built packet-recorder .deb: lintian, then desktop-file-validate and
# appstreamcli on the files as installed. Prints what each tool said; exits 1
# if any of them reported an error or a warning.
#
#   packaging/check-package.sh packet-recorder_<version>_<arch>.deb
#
# Needs lintian, desktop-file-utils and appstream.
set -uo pipefail

if [[ $# -ne 1 || ! -f $1 ]]; then
    echo "usage: $0 DEB" >&2
    exit 2
fi
deb=$(realpath "$1")
failed=0

echo "== lintian $(lintian --print-version)"
lintian --fail-on error,warning --display-info "$deb" || failed=1

tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
dpkg-deb -x "$deb" "$tree"

shopt -s nullglob
desktops=("$tree"/usr/share/applications/*.desktop)
metainfos=("$tree"/usr/share/metainfo/*.xml)
if ((${#desktops[@]} == 0 || ${#metainfos[@]} == 0)); then
    echo "no desktop entry or AppStream metadata in $deb" >&2
    failed=1
fi

for f in "${desktops[@]}"; do
    echo "== desktop-file-validate ${f#"$tree"}"
    out=$(desktop-file-validate "$f" 2>&1)
    status=$?
    [[ -n $out ]] && echo "$out"
    # Hints are advice; errors and warnings fail the check.
    if ((status != 0)) || grep -qE ': (error|warning):' <<<"$out"; then
        failed=1
    fi
done

for f in "${metainfos[@]}"; do
    echo "== appstreamcli validate --pedantic --no-net ${f#"$tree"}"
    out=$(appstreamcli validate --pedantic --no-net --no-color "$f" 2>&1)
    status=$?
    echo "$out"
    # E: errors and W: warnings fail; I: infos and P: pedantic notes do not.
    if ((status != 0)) || grep -qE '^[EW]: ' <<<"$out"; then
        failed=1
    fi
done

if ((failed)); then
    echo "check-package.sh: FAILED" >&2
    exit 1
fi
echo "check-package.sh: no errors or warnings"
