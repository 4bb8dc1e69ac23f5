#!/bin/bash
# extcap_test.sh CASE EXTCAP: one case of packet-recorder-extcap's tests.
# The helper is found beside the extcap (the build tree), as it is run.
set -euo pipefail

case_name=$1
extcap=$2

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 77; }

command -v tshark >/dev/null || skip "no tshark"

work=$(mktemp -d)
netns=""
cleanup() {
    if [[ -n $netns ]]; then
        ip netns pids "$netns" 2>/dev/null | xargs -r kill 2>/dev/null || true
        ip netns del "$netns" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Wireshark 4.0 reads personal extcaps from ~/.config/wireshark/extcap
# (4.2 moved them to ~/.local/lib/wireshark/extcap); a symbolic link to the
# built program is enough, Wireshark runs what it points to.
home=$work/home
mkdir -p "$home/.config/wireshark/extcap" "$home/.local/lib/wireshark/extcap"
ln -s "$extcap" "$home/.config/wireshark/extcap/packet-recorder-extcap"
ln -s "$extcap" "$home/.local/lib/wireshark/extcap/packet-recorder-extcap"
run_tshark() { env -u XDG_CONFIG_HOME HOME="$home" tshark "$@"; }

# An interface only this test has: lo of a namespace of its own, with an
# address from the benchmarking range.
make_netns() {
    [[ $(id -u) == 0 ]] || skip "recording needs root"
    command -v ip >/dev/null || skip "no ip"
    netns=pr-extcap-$$
    ip netns add "$netns"
    ip -n "$netns" link set lo up
    ip -n "$netns" addr add 198.18.0.1/32 dev lo
    in_netns=(nsenter --net="/run/netns/$netns")
}
# nsenter execs the command (ip netns exec waits for it in a child); called
# directly, not through a function, a background one's $! is the program
# itself, which a signal must reach.
in_netns=()

case $case_name in
contract)
    listing=$("$extcap" --extcap-interfaces --extcap-version=4.0)
    grep -q '^extcap {version=[0-9.]*}{help=' <<<"$listing" || fail "no extcap line: $listing"
    grep -qx 'interface {value=packet-recorder-lo}{display=Packet Recorder: lo}' <<<"$listing" ||
        fail "no lo: $listing"
    grep -qx 'interface {value=packet-recorder-any}{display=Packet Recorder: any}' <<<"$listing" ||
        fail "no any: $listing"
    [[ $("$extcap" --extcap-interfaces) == "$listing" ]] || fail "listing depends on the version"
    [[ $("$extcap" --extcap-interface=packet-recorder-lo --extcap-dlts) == \
        'dlt {number=1}{name=EN10MB}{display=Ethernet}' ]] || fail "lo is not Ethernet"
    config=$("$extcap" --extcap-interface packet-recorder-lo --extcap-config)
    for call in --snaplen --ring-mb --programs --promiscuous; do
        grep -q "{call=$call}" <<<"$config" || fail "no $call in: $config"
    done
    # Wireshark's own names are not ours, and a path is never an interface.
    for value in lo packet-recorder-../lo packet-recorder-; do
        if "$extcap" --extcap-interface="$value" --extcap-dlts 2>/dev/null; then
            fail "accepted $value"
        fi
    done
    ;;
listed_by_tshark)
    run_tshark -D 2>/dev/null | grep -q 'packet-recorder-lo (Packet Recorder: lo)$' ||
        fail "tshark -D does not list us: $(run_tshark -D 2>&1)"
    ;;
record_as_root)
    command -v tcpdump >/dev/null || skip "no tcpdump"
    make_netns
    "${in_netns[@]}" env -u XDG_CONFIG_HOME HOME="$home" \
        tshark -q -i packet-recorder-lo -a duration:4 -w "$work/extcap.pcapng" \
        >"$work/tshark.log" 2>&1 &
    tshark_pid=$!
    "${in_netns[@]}" tcpdump -q -U -i lo -w "$work/tcpdump.pcap" icmp >"$work/tcpdump.log" 2>&1 &
    tcpdump_pid=$!
    # Until both record: tshark says so once dumpcap reads the FIFO, and
    # the helper needs a moment more to open its ring.
    for _ in $(seq 50); do
        grep -q 'listening on' "$work/tcpdump.log" && grep -q 'Capturing on' "$work/tshark.log" &&
            break
        sleep 0.1
    done
    sleep 1
    "${in_netns[@]}" ping -q -c 20 -i 0.05 198.18.0.1 >/dev/null
    wait "$tshark_pid" || fail "tshark failed: $(cat "$work/tshark.log")"
    kill -INT "$tcpdump_pid"
    wait "$tcpdump_pid" || true
    count() { tshark -r "$1" -Y 'icmp.type == 8' 2>/dev/null | wc -l; }
    ours=$(count "$work/extcap.pcapng")
    theirs=$(count "$work/tcpdump.pcap")
    echo "echo requests: extcap $ours, tcpdump $theirs"
    [[ $ours == 20 && $theirs == 20 ]] || fail "extcap $ours, tcpdump $theirs, sent 20"
    # Direction flags survive Wireshark's dumpcap (pcapng epb_flags).
    flags=$(tshark -r "$work/extcap.pcapng" -Y 'icmp' -T fields \
        -e frame.packet_flags_direction 2>/dev/null | sort -u)
    grep -q '0x0000000[12]' <<<"$flags" || fail "no direction flags: $flags"
    ;;
stop_is_prompt)
    # Wireshark's Stop is SIGTERM: the helper finishes its stream and both
    # are gone within a second.
    make_netns
    mkfifo "$work/fifo"
    cat "$work/fifo" >"$work/stream.pcapng" &
    reader=$!
    "${in_netns[@]}" "$extcap" --capture --extcap-interface packet-recorder-lo --fifo "$work/fifo" \
        2>"$work/extcap.err" &
    pid=$!
    sleep 1.5
    "${in_netns[@]}" ping -q -c 3 -i 0.05 198.18.0.1 >/dev/null
    started=$(date +%s%N)
    kill -TERM "$pid"
    status=0
    wait "$pid" || status=$?
    elapsed_ms=$((($(date +%s%N) - started) / 1000000))
    echo "stopped in $elapsed_ms ms, status $status"
    [[ $status == 0 ]] || fail "status $status: $(cat "$work/extcap.err")"
    ((elapsed_ms < 1000)) || fail "took $elapsed_ms ms"
    wait "$reader"
    [[ -z $(ip netns pids "$netns") ]] ||
        fail "a process is left in the namespace"
    # A whole stream: every block there, the statistics block last.
    [[ $(tshark -r "$work/stream.pcapng" -Y 'icmp.type == 8' 2>/dev/null | wc -l) == 3 ]] ||
        fail "not 3 echo requests in the stream"
    last_block_type=$(python3 - "$work/stream.pcapng" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
offset, last = 0, None
while offset + 8 <= len(data):
    kind, length = struct.unpack_from('<II', data, offset)
    if length < 12 or offset + length > len(data):
        sys.exit('truncated block at %d' % offset)
    last, offset = kind, offset + length
print(hex(last))
PY
)
    [[ $last_block_type == 0x5 ]] || fail "last block $last_block_type, not an Interface Statistics Block"
    ;;
*)
    fail "unknown case $case_name"
    ;;
esac
echo "PASS: $case_name"
