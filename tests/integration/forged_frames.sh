#!/usr/bin/env bash
# A compromised helper cannot send frames: after the helper's own start-up
# (socket, drop, ring, file) and its seccomp filter, three forged Ethernet
# frames written to the packet socket (write, send, sendmsg) are refused and
# tcpdump on the veth peer sees none of them. The same with a ring of files
# (where the forger also copies the packet socket onto the output file's
# number with dup3, the next file's way in, and writes there) and with
# attribution (where it also writes to the trigger socket). The control run
# without the filter shows that the same frames do reach the peer.
#   forged_frames.sh HELPER FRAME_DUMP FORGE
source "$(dirname "$0")/common.sh"
FORGE=${3:?path of pr_forge_frames}

make_veth_pair

# count_on_peer LABEL ARGS...: runs the forger in NS_A with tcpdump on VETH_B;
# prints how many forged frames tcpdump saw.
count_on_peer() {
    local label=$1
    shift
    local pcap="$WORK/peer-$label.pcap"
    ip netns exec "$NS_B" tcpdump -i "$VETH_B" --immediate-mode -U -n -w "$pcap" 'ether proto 0x88b5' \
        2>"$WORK/tcpdump-$label.err" &
    local tcpdump_pid=$!
    BACKGROUND+=("$tcpdump_pid")
    wait_for 10 file_contains "$WORK/tcpdump-$label.err" "listening on" ||
        fail "tcpdump did not start: $(cat "$WORK/tcpdump-$label.err")"
    local output="$WORK/forge-$label.pcap"
    [[ ! -d "$WORK/$label" ]] || output="$WORK/$label/forge.pcap"
    ip netns exec "$NS_A" "$FORGE" "$VETH_A" "$output" "$@" \
        >"$WORK/forge-$label.out" 2>"$WORK/forge-$label.err" ||
        fail "$label: the forger failed: $(cat "$WORK/forge-$label.err")"
    # veth delivers synchronously; the pause covers tcpdump's own buffering.
    sleep 1
    stop_process "$tcpdump_pid" || true
    cat "$WORK/tcpdump-$label.err" >&2
    echo "$label: $(tr '\n' ' ' <"$WORK/forge-$label.out")" >&2
    "$FRAME_DUMP" "$pcap" | wc -l
}

control=$(count_on_peer control --no-seccomp)
[[ $(grep -c ': sent 60$' "$WORK/forge-control.out") -eq 3 ]] ||
    fail "control: the forger could not send: $(cat "$WORK/forge-control.out")"
[[ $control -eq 3 ]] || fail "control: tcpdump saw $control of 3 forged frames"
echo "ok: without seccomp the 3 forged frames reach the peer" >&2

# confined LABEL ATTEMPTS ARGS...: every one of ATTEMPTS attempts refused,
# nothing on the peer.
confined() {
    local label=$1 attempts=$2 seen
    shift 2
    seen=$(count_on_peer "$label" "$@")
    ! grep -v ': refused ' "$WORK/forge-$label.out" >&2 ||
        fail "$label: an attempt succeeded: $(cat "$WORK/forge-$label.out")"
    [[ $(grep -c ': refused ' "$WORK/forge-$label.out") -eq $attempts ]] ||
        fail "$label: not every attempt was refused: $(cat "$WORK/forge-$label.out")"
    [[ $seen -eq 0 ]] || fail "$label: tcpdump saw $seen forged frames"
    echo "ok: $label: all $attempts attempts refused and the peer sees 0 frames" >&2
}

confined seccomp 3
mkdir "$WORK/set" "$WORK/programs"
# write, send, sendmsg; dup3 onto the output file's number.
confined set 4 --set
# The same, and write, send, sendmsg on the trigger socket.
confined programs 7 --set --programs
echo "PASS: no forged frame reaches the wire"
