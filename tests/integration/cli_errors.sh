#!/usr/bin/env bash
# Every error of "record" through the real command: non-zero exit, exactly one
# specific line on stderr, nothing on stdout, no output file left behind.
source "$(dirname "$0")/common.sh"

OUT="$WORK/out.pcap"

# expect_error NAME PATTERN... -- COMMAND...: each PATTERN (grep -E) must be in
# the single stderr line.
expect_error() {
    local name=$1
    shift
    local patterns=()
    while [[ $1 != -- ]]; do
        patterns+=("$1")
        shift
    done
    shift
    local status=0
    "$@" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
    ((status != 0)) || fail "$name: exit status 0"
    [[ $(wc -l <"$WORK/stderr") == 1 ]] || fail "$name: expected one stderr line, got: $(cat "$WORK/stderr")"
    [[ ! -s $WORK/stdout ]] || fail "$name: unexpected stdout: $(cat "$WORK/stdout")"
    local pattern
    for pattern in "${patterns[@]}"; do
        grep -Eq -- "$pattern" "$WORK/stderr" ||
            fail "$name: stderr lacks \"$pattern\": $(cat "$WORK/stderr")"
    done
    [[ ! -e $OUT ]] || fail "$name: output file left behind"
    echo "ok: $name: $(cat "$WORK/stderr")"
}

# Unknown interface: names it and lists the real ones (taken from the kernel).
real=$(ip -o link show | awk -F': ' '{print $2}' | cut -d@ -f1)
patterns=()
for name in $real; do
    patterns+=("$name")
done
expect_error "unknown interface" "nosuch$TAG" "${patterns[@]}" -- \
    "$HELPER" record --interface "nosuch$TAG" --output "$OUT"
expect_error "path as interface" "etc/passwd" "lo" -- \
    "$HELPER" record --interface ../../etc/passwd --output "$OUT"

# Interface down: a veth pair that is never brought up.
NS="pr_err_$TAG"
ip netns add "$NS"
on_exit ip netns del "$NS"
ip -n "$NS" link add "prd$TAG" type veth peer name "pre$TAG"
expect_error "interface down" "prd$TAG" "down" -- \
    ip netns exec "$NS" "$HELPER" record --interface "prd$TAG" --output "$OUT"

# Filter that does not compile: our line carries libpcap's own message (as
# tcpdump prints it) and the filter.
tcpdump -d "tcp port" >/dev/null 2>"$WORK/tcpdump.err" && fail "tcpdump accepted the filter"
pcap_message=$(sed -E 's/.*: //' "$WORK/tcpdump.err")
[[ -n $pcap_message ]] || fail "no libpcap message from tcpdump"
expect_error "bad filter" "tcp port" "$pcap_message" -- \
    "$HELPER" record --interface lo --output "$OUT" --filter "tcp port"

# Output not writable: the path and the reason.
expect_error "output in missing directory" "$WORK/missing/out.pcap" "No such file or directory" -- \
    "$HELPER" record --interface lo --output "$WORK/missing/out.pcap" --duration 1
[[ ! -e $WORK/missing ]] || fail "directory created"
mkdir "$WORK/dir.pcap"
expect_error "output is a directory" "dir.pcap" "Is a directory" -- \
    "$HELPER" record --interface lo --output "$WORK/dir.pcap" --duration 1

# Missing privilege: an unprivileged user cannot open the capture socket.
chmod 0777 "$WORK"
expect_error "no privilege" "CAP_NET_RAW" -- \
    setpriv --reuid=65534 --regid=65534 --clear-groups "$HELPER" record --interface lo \
    --output "$OUT"

# Sizes out of range: the option and its bounds.
expect_error "ring too small" "--ring-mb" "1 and 2048" -- \
    "$HELPER" record --interface lo --output "$OUT" --ring-mb 0
expect_error "ring too large" "--ring-mb" "1 and 2048" -- \
    "$HELPER" record --interface lo --output "$OUT" --ring-mb 4096
expect_error "snaplen too small" "--snaplen" "64 and 262144" -- \
    "$HELPER" record --interface lo --output "$OUT" --snaplen 10
expect_error "snaplen too large" "--snaplen" "64 and 262144" -- \
    "$HELPER" record --interface lo --output "$OUT" --snaplen 300000
# A set of files: every bound named with its option.
expect_error "split size too small" "--split-size" "1 and 1000000 MB" -- \
    "$HELPER" record --interface lo --output "$OUT" --split-size 0.5
expect_error "split size not a number" "--split-size" "1 and 1000000 MB" -- \
    "$HELPER" record --interface lo --output "$OUT" --split-size 1e400
expect_error "split seconds zero" "--split-seconds" "1 and 31536000" -- \
    "$HELPER" record --interface lo --output "$OUT" --split-seconds 0
expect_error "keep files too many" "--keep-files" "1 and 100000" -- \
    "$HELPER" record --interface lo --output "$OUT" --split-seconds 1 --keep-files 100001
expect_error "keep files without split" "--keep-files" "--split-size or --split-seconds" -- \
    "$HELPER" record --interface lo --output "$OUT" --keep-files 3
expect_error "stop files without split" "--stop-files" "--split-size or --split-seconds" -- \
    "$HELPER" record --interface lo --output "$OUT" --stop-files 3
expect_error "count zero" "--count" -- \
    "$HELPER" record --interface lo --output "$OUT" --count 0
expect_error "unknown format" "--format" "pcapng" -- \
    "$HELPER" record --interface lo --output "$OUT" --format xml

# And the success path leaves a valid file with a summary.
"$HELPER" record --interface lo --output "$OUT" --duration 0.5 >"$WORK/ok.json" 2>/dev/null ||
    fail "recording failed"
capinfos "$OUT" >/dev/null || fail "capinfos rejects the file"
# lo may carry other traffic meanwhile: compare the summary with the file.
[[ $(json_field "$WORK/ok.json" .file_bytes) == $(stat -c %s "$OUT") ]] ||
    fail "file_bytes differs from the file size: $(cat "$WORK/ok.json")"
[[ $(json_field "$WORK/ok.json" .packets) == $("$FRAME_DUMP" "$OUT" | wc -l) ]] ||
    fail "packets differs from the file: $(cat "$WORK/ok.json")"
echo "PASS: every error reported"
