#!/usr/bin/env bash
# Reads the built executables with readelf and fails on any hardening that is
# missing. Usage: check_elf.sh READELF BUILD_TYPE PROBE HELPER CAPTURE [GUI]
# HELPER is the privileged launcher, CAPTURE the program it execs holding
# the packet sockets: both get the checks for privileged code.
# PROBE is tests/hardening/hardening_probe.cpp built with every flag forced:
# checks that depend on the toolchain (fortified printf family, the x86 CET
# note, which needs startup files built for CET) are demanded from our
# executables only when the probe has them.
set -euo pipefail

READELF=${1:?readelf}
BUILD_TYPE=${2-}
PROBE=${3:?probe executable}
HELPER=${4:?packet-recorder-helper}
CAPTURE=${5:?packet-recorder-capture}
GUI=${6-}

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
ok() { echo "ok: $*"; }

# _FORTIFY_SOURCE needs optimization and is not added to Debug builds; an
# empty build type means no optimization at all.
case $BUILD_TYPE in
'' | Debug) fail "build type \"$BUILD_TYPE\" is not an optimized build: configure Release, RelWithDebInfo or MinSizeRel" ;;
*) ok "build type $BUILD_TYPE" ;;
esac

# Imported functions, without their symbol versions. Never pipe them into
# `grep -q`: it exits at the first match, and with pipefail the producer's
# SIGPIPE on its next write turns the match into a failure (sort writes the
# helper's 4.6 KB list in two writes: 43 false failures in 300 runs).
imports() { "$READELF" --dyn-syms -W "$1" | awk '$7 == "UND" { sub(/@.*/, "", $8); print $8 }' | sort -u; }
fortified() { imports "$1" | grep -E '^__[a-z0-9_]+_chk$' | grep -vx '__stack_chk_fail' || true; }
cet_note() { "$READELF" -nW "$1" | grep -E 'x86 feature: .*IBT.*SHSTK' || true; }

probe_fortified=$(fortified "$PROBE")
probe_cet=$(cet_note "$PROBE")
machine=$("$READELF" -hW "$HELPER" | sed -n 's/^ *Machine: *//p')

check() {
    local name=$1 file=$2 privileged=$3
    [[ -f $file ]] || {
        fail "$name: $file does not exist"
        return
    }
    local header dynamic segments
    header=$("$READELF" -hW "$file")
    dynamic=$("$READELF" -dW "$file")
    segments=$("$READELF" -lW "$file")

    if grep -Eq '^ *Type: *DYN' <<<"$header"; then
        ok "$name: position-independent executable"
    else
        fail "$name: not PIE ($(grep -E '^ *Type:' <<<"$header"))"
    fi
    if grep -Eq '\(BIND_NOW\)|\(FLAGS\).*BIND_NOW' <<<"$dynamic" &&
        grep -Eq '\(FLAGS_1\).*\bNOW\b' <<<"$dynamic"; then
        ok "$name: BIND_NOW and FLAGS_1 NOW"
    else
        fail "$name: not linked with -z now"
    fi
    if grep -q 'GNU_RELRO' <<<"$segments"; then
        ok "$name: GNU_RELRO segment"
    else
        fail "$name: no GNU_RELRO segment (-z relro)"
    fi
    if imports "$file" | grep -x '__stack_chk_fail' >/dev/null; then
        ok "$name: stack protector (__stack_chk_fail)"
    else
        fail "$name: does not import __stack_chk_fail (-fstack-protector-strong)"
    fi

    if [[ -n $probe_cet ]]; then
        if [[ -n $(cet_note "$file") ]]; then
            ok "$name: IBT and SHSTK property note"
        else
            fail "$name: no \"x86 feature: IBT, SHSTK\" note (-fcf-protection), the probe has one"
        fi
    fi

    if [[ $privileged == yes ]]; then
        if grep -Eq '\((RPATH|RUNPATH)\)' <<<"$dynamic"; then
            fail "$name: has a search path: $(grep -E '\((RPATH|RUNPATH)\)' <<<"$dynamic")"
        else
            ok "$name: no RPATH or RUNPATH"
        fi
        if [[ -n $probe_fortified ]]; then
            local chk
            chk=$(fortified "$file" | tr '\n' ' ')
            if [[ -n $chk ]]; then
                ok "$name: fortified calls: $chk"
            else
                fail "$name: imports no __*_chk function (-D_FORTIFY_SOURCE), the probe does"
            fi
        fi
    fi
}

check packet-recorder-helper "$HELPER" yes
check packet-recorder-capture "$CAPTURE" yes
if [[ -n $GUI ]]; then
    check packet-recorder "$GUI" no
fi

# Say what could not be checked here, and why.
[[ -n $probe_fortified ]] ||
    echo "note: this toolchain does not fortify C++ printf-family calls (clang with glibc before 2.40), so __*_chk imports are not required"
if [[ $machine == *X86-64* || $machine == *80386* ]]; then
    [[ -n $probe_cet ]] ||
        echo "note: even the probe has no IBT/SHSTK note (the C library's startup files are not built for CET), so it is not required"
fi

if ((failures > 0)); then
    echo "FAIL: $failures hardening check(s) failed" >&2
    exit 1
fi
echo "PASS: executables are hardened"
