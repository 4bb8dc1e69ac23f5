#!/usr/bin/env bash
# A compromised helper cannot send frames: after the helper's own start-up
# (socket, drop, ring, file) and its seccomp filter, three forged Ethernet
# frames written to the packet socket (write, send, sendmsg) are refused and
# tcpdump on the veth peer sees none of them. The control run without the
# filter shows that the same frames do reach the peer.
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
    ip netns exec "$NS_A" "$FORGE" "$VETH_A" "$WORK/forge-$label.pcap" "$@" \
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
[[ $(grep -c '^sent 60$' "$WORK/forge-control.out") -eq 3 ]] ||
    fail "control: the forger could not send: $(cat "$WORK/forge-control.out")"
[[ $control -eq 3 ]] || fail "control: tcpdump saw $control of 3 forged frames"
echo "ok: without seccomp the 3 forged frames reach the peer" >&2

restricted=$(count_on_peer seccomp)
[[ $(grep -c '^refused EPERM$' "$WORK/forge-seccomp.out") -eq 3 ]] ||
    fail "seccomp: not every send was refused: $(cat "$WORK/forge-seccomp.out")"
[[ $restricted -eq 0 ]] || fail "seccomp: tcpdump saw $restricted forged frames"
echo "ok: with seccomp every send is refused and the peer sees 0 frames" >&2
echo "PASS: no forged frame reaches the wire"
