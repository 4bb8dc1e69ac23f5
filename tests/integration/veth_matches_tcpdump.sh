#!/usr/bin/env bash
# An iperf3 TCP transfer over a veth pair between two namespaces: tcpdump and
# our recorder capture the same end at the same time, filtered to the iperf3
# port. Both files must hold the same frames, byte for byte.
source "$(dirname "$0")/common.sh"

make_veth_pair
PORT=5201

ns_prefix "$NS_B"
"${NS_PREFIX[@]}" timeout 60 iperf3 -s -1 -p "$PORT" >"$WORK/server.log" 2>&1 &
BACKGROUND+=($!)
wait_for 20 tcp_listening "$NS_B" "$PORT" || fail "iperf3 server did not listen"

start_tcpdump "$NS_A" "$VETH_A" "$WORK/tcpdump.pcap" "tcp port $PORT"
start_recorder "$NS_A" --interface "$VETH_A" --output "$WORK/ours.pcap" --filter "tcp port $PORT"
# A second recorder writes pcapng at the same time: same frames expected.
ip netns exec "$NS_A" "$HELPER" record --interface "$VETH_A" --output "$WORK/ours.pcapng" \
    --format pcapng --filter "tcp port $PORT" >"$WORK/pcapng.json" 2>"$WORK/pcapng.err" &
PCAPNG_PID=$!
BACKGROUND+=("$PCAPNG_PID")
wait_for 20 file_contains "$WORK/pcapng.err" "recording on" || fail "pcapng recorder did not start"

in_ns "$NS_A" timeout 60 iperf3 -c 198.18.0.2 -p "$PORT" -t 2 -b 400M >"$WORK/client.log" 2>&1 ||
    fail "iperf3 client failed: $(cat "$WORK/client.log")"
# libpcap only hands over retired blocks: give tcpdump time to see the tail.
sleep 2
stop_process "$RECORDER_PID"
stop_process "$PCAPNG_PID"
stop_process "$TCPDUMP_PID"

grep -q "0 packets dropped by kernel" "$WORK/tcpdump.pcap.err" ||
    fail "tcpdump dropped packets, comparison meaningless: $(cat "$WORK/tcpdump.pcap.err")"
[[ $(json_field "$WORK/recorder.json" .kernel_drops) == 0 ]] || fail "recorder dropped packets"

sorted_frames "$WORK/tcpdump.pcap" >"$WORK/tcpdump.frames"
sorted_frames "$WORK/ours.pcap" >"$WORK/ours.frames"
theirs=$(wc -l <"$WORK/tcpdump.frames")
ours=$(wc -l <"$WORK/ours.frames")
((theirs > 1000)) || fail "too few frames captured by tcpdump ($theirs)"
cmp -s "$WORK/tcpdump.frames" "$WORK/ours.frames" ||
    fail "frames differ: tcpdump $theirs, ours $ours; diff: $(diff "$WORK/tcpdump.frames" "$WORK/ours.frames" | head -c 600)"
[[ $(json_field "$WORK/recorder.json" .packets) == "$ours" ]] || fail "JSON packet count differs from the file"
cmp -s "$WORK/ours.frames" <(sorted_frames "$WORK/ours.pcapng") || fail "pcapng frames differ from pcap's"
# Direction: frames from this end's MAC address went out, the rest came in.
mac=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}' | tr -d :)
sent=$(awk -v mac="$mac" 'substr($3, 13, 12) == mac' "$WORK/ours.frames" | wc -l)
[[ $(json_field "$WORK/recorder.json" .outgoing.packets) == "$sent" ]] ||
    fail "outgoing: JSON $(json_field "$WORK/recorder.json" .outgoing.packets), frames from $mac: $sent"
[[ $(json_field "$WORK/recorder.json" .incoming.packets) == $((ours - sent)) ]] ||
    fail "incoming: JSON $(json_field "$WORK/recorder.json" .incoming.packets), expected $((ours - sent))"
echo "PASS: $ours frames identical to tcpdump's ($sent outgoing)"
