#!/usr/bin/env bash
# The launcher (packet-recorder-helper) is privileged from its first
# instruction, and every library the loader maps runs its start-up code
# then. It must need libc and libcap alone (libm and the loader are glibc's
# own): no Qt (QtCore brings libgomp through libb2, which reads OMP_* and
# /sys and may call sched_setaffinity), no libpcap (libdbus, libibverbs), no
# shared libstdc++ (linked statically). ldd lists what libcap needs too.
# Usage: launcher_libraries.sh LAUNCHER
set -euo pipefail

LAUNCHER=${1:?packet-recorder-helper}

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

libraries=$(ldd "$LAUNCHER") || fail "ldd $LAUNCHER failed"
echo "$libraries"
allowed='^(linux-vdso\.so\.1|linux-gate\.so\.1|libc\.so\.6|libcap\.so\.2|libm\.so\.6|ld-linux[-a-z0-9_.]*\.so\.[0-9]+)$'
unexpected=()
count=0
while read -r name _; do
    [[ -n $name ]] || continue
    count=$((count + 1))
    [[ $(basename "$name") =~ $allowed ]] || unexpected+=("$name")
done <<<"$libraries"
((count > 0)) || fail "ldd listed nothing"
((${#unexpected[@]} == 0)) || fail "the launcher loads more than libc and libcap: ${unexpected[*]}"
grep -q 'libcap\.so' <<<"$libraries" || fail "no libcap: is this the launcher?"
echo "PASS: the launcher loads libc and libcap only"
