#!/usr/bin/env bash
# Kernel drops are counted, not lost: with the recorder paused (SIGSTOP) a
# burst overflows a 1 MiB ring; every sent frame must then be either in the
# file or in kernel_drops.
source "$(dirname "$0")/common.sh"

make_veth_pair
COUNT=20000
MAC_A=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}')
MAC_B=$(ip -n "$NS_B" -br link show "$VETH_B" | awk '{print $3}')
cat >"$WORK/burst.cfg" <<CFG
{ eth(da=$MAC_B, sa=$MAC_A), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4001), dinc(0, 255), fill(0x45, 18) }
CFG

start_recorder "$NS_B" --interface "$VETH_B" --output "$WORK/ours.pcap" --filter "udp port 4001" \
    --ring-mb 1 --snaplen 64
kill -STOP "$RECORDER_PID"
ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/burst.cfg" --num "$COUNT" \
    --cpus 1 >"$WORK/trafgen.log" 2>&1 || fail "trafgen failed: $(cat "$WORK/trafgen.log")"
kill -CONT "$RECORDER_PID"
sleep 1
stop_process "$RECORDER_PID"

packets=$(json_field "$WORK/recorder.json" .packets)
drops=$(json_field "$WORK/recorder.json" .kernel_drops)
in_file=$("$FRAME_DUMP" "$WORK/ours.pcap" | wc -l)
((drops > 0)) || fail "no kernel drops although the ring overflowed ($packets packets)"
((packets + drops == COUNT)) || fail "packets $packets + drops $drops != sent $COUNT"
((in_file == packets)) || fail "file holds $in_file frames, summary says $packets"
echo "PASS: $packets recorded + $drops dropped by the kernel = $COUNT sent"
