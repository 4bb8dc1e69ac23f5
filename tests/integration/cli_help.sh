#!/usr/bin/env bash
# --help and --version of both executables at every level: exit status 0,
# the text on stdout, nothing on stderr. No root and no display needed: the
# GUI runs with DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset.
# Usage: cli_help.sh HELPER VERSION [GUI]
set -euo pipefail

HELPER=${1:?path of packet-recorder-helper}
VERSION=${2:?project version}
GUI=${3-}
WORK=$(mktemp -d /tmp/pr-help.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# expect_stdout NAME PATTERN COMMAND...: exit 0, PATTERN (grep -E) on stdout,
# stderr empty.
expect_stdout() {
    local name=$1 pattern=$2
    shift 2
    local status=0
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$@" </dev/null \
        >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
    ((status == 0)) || fail "$name: exit status $status: $(cat "$WORK/stderr")"
    [[ ! -s $WORK/stderr ]] || fail "$name: unexpected stderr: $(cat "$WORK/stderr")"
    grep -Eq -- "$pattern" "$WORK/stdout" || fail "$name: stdout lacks \"$pattern\": $(cat "$WORK/stdout")"
    echo "ok: $name"
}

# expect_usage_error NAME COMMAND...: exit 2, nothing on stdout, the usage on
# stderr.
expect_usage_error() {
    local name=$1
    shift
    local status=0
    "$@" </dev/null >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
    ((status == 2)) || fail "$name: exit status $status, expected 2"
    [[ ! -s $WORK/stdout ]] || fail "$name: unexpected stdout: $(cat "$WORK/stdout")"
    grep -q "usage:" "$WORK/stderr" || fail "$name: no usage on stderr: $(cat "$WORK/stderr")"
    echo "ok: $name"
}

helper_version="^packet-recorder-helper ${VERSION//./\\.}\$"
for option in --version -V; do
    expect_stdout "helper $option" "$helper_version" "$HELPER" "$option"
done
for option in --help -h; do
    expect_stdout "helper $option" "record --interface" "$HELPER" "$option"
    grep -q "interfaces \[--json\]" "$WORK/stdout" || fail "helper $option: no interfaces usage"
    grep -q "helper serve" "$WORK/stdout" || fail "helper $option: no serve usage"
done

# Each subcommand: its own usage only, and the version.
for command in record interfaces serve; do
    for option in --help -h; do
        expect_stdout "helper $command $option" "packet-recorder-helper $command" \
            "$HELPER" "$command" "$option"
        others=$(grep -Eo "packet-recorder-helper (record|interfaces|serve)" "$WORK/stdout" |
            sort -u | wc -l)
        ((others == 1)) || fail "helper $command $option: usage of other commands too: $(cat "$WORK/stdout")"
    done
    for option in --version -V; do
        expect_stdout "helper $command $option" "$helper_version" "$HELPER" "$command" "$option"
    done
done
# --help after other options still answers, before any capture is attempted.
expect_stdout "helper record --interface nosuch --help" "packet-recorder-helper record" \
    "$HELPER" record --interface nosuch --help

# serve is what pkexec runs as root: with --help it must not wait for the
# control channel (stdin here stays open and silent) or touch anything else.
mkfifo "$WORK/control"
sleep 30 >"$WORK/control" &
writer=$!
status=0
timeout 5 "$HELPER" serve --help <"$WORK/control" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
((status == 0)) || fail "serve --help with an open stdin: exit status $status"
grep -q "packet-recorder-helper serve" "$WORK/stdout" || fail "serve --help: no usage"
echo "ok: serve --help does not read its control channel"

expect_usage_error "helper without a command" "$HELPER"
expect_usage_error "helper unknown command" "$HELPER" bogus
expect_usage_error "helper serve with an argument" "$HELPER" serve --bogus
expect_usage_error "helper interfaces unknown option" "$HELPER" interfaces --bogus

if [[ -n $GUI ]]; then
    gui_version="^packet-recorder ${VERSION//./\\.}\$"
    for option in --version -v; do
        expect_stdout "gui $option" "$gui_version" "$GUI" "$option"
    done
    for option in --help -h --help-all; do
        expect_stdout "gui $option" "Usage: .*packet-recorder" "$GUI" "$option"
        grep -q -- "--version" "$WORK/stdout" || fail "gui $option: --version not listed"
    done
    # Options before --help do not change the answer.
    expect_stdout "gui -i lo -k --help" "Usage: .*packet-recorder" "$GUI" -i lo -k --help
    # A wrong option is reported without a display too.
    status=0
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$GUI" --version --bogus \
        >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
    ((status == 2)) || fail "gui --version --bogus: exit status $status, expected 2"
    grep -q "bogus" "$WORK/stderr" || fail "gui --version --bogus: $(cat "$WORK/stderr")"
    echo "ok: gui --version --bogus"
fi
echo "PASS: every --help and --version answered"
