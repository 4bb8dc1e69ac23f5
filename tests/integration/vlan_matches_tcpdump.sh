#!/usr/bin/env bash
# 802.1Q and 802.1ad (QinQ) tagged frames sent with trafgen into one end of a
# veth pair; the receiving kernel strips the outer tag into packet metadata
# and both tcpdump and our recorder must put it back: byte-identical frames.
source "$(dirname "$0")/common.sh"

make_veth_pair
COUNT=300
MAC_A=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}')
MAC_B=$(ip -n "$NS_B" -br link show "$VETH_B" | awk '{print $3}')
# Round robin over: a single 802.1Q tag (priority 3, VLAN 100); 802.1ad outer
# tag 200 over 802.1Q 100; a priority-only tag (VLAN 0). The payload counter
# makes frames distinct.
cat >"$WORK/vlan.cfg" <<CFG
{ eth(da=$MAC_B, sa=$MAC_A), vlan(tpid=0x8100, id=100, pcp=3), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4001), dinc(0, 255), fill(0x41, 40) }
{ eth(da=$MAC_B, sa=$MAC_A), vlan(tpid=0x88a8, id=200), vlan(tpid=0x8100, id=100), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4002), dinc(0, 255), fill(0x42, 40) }
{ eth(da=$MAC_B, sa=$MAC_A), vlan(tpid=0x8100, id=0, pcp=5), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4003), dinc(0, 255), fill(0x43, 40) }
CFG

start_tcpdump "$NS_B" "$VETH_B" "$WORK/tcpdump.pcap" ""
start_recorder "$NS_B" --interface "$VETH_B" --output "$WORK/ours.pcap"

ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/vlan.cfg" --num "$COUNT" \
    --cpus 1 --gap 200us >"$WORK/trafgen.log" 2>&1 || fail "trafgen failed: $(cat "$WORK/trafgen.log")"
sleep 2
stop_process "$RECORDER_PID"
stop_process "$TCPDUMP_PID"

sorted_frames "$WORK/tcpdump.pcap" >"$WORK/tcpdump.frames"
sorted_frames "$WORK/ours.pcap" >"$WORK/ours.frames"
# Tagged frames: the EtherType at byte 12 (hex characters 24..27 of the data).
tagged() { awk '{t = substr($3, 25, 4); if (t == "8100" || t == "88a8") n++} END {print n + 0}' "$1"; }
ours_tagged=$(tagged "$WORK/ours.frames")
theirs_tagged=$(tagged "$WORK/tcpdump.frames")
((theirs_tagged == COUNT)) || fail "tcpdump saw $theirs_tagged tagged frames, sent $COUNT"
((ours_tagged == COUNT)) || fail "we saw $ours_tagged tagged frames, sent $COUNT"
qinq=$(awk 'substr($3, 25, 4) == "88a8" && substr($3, 33, 4) == "8100"' "$WORK/ours.frames" | wc -l)
((qinq == COUNT / 3)) || fail "expected $((COUNT / 3)) QinQ frames, got $qinq"
cmp -s "$WORK/tcpdump.frames" "$WORK/ours.frames" ||
    fail "frames differ: $(diff "$WORK/tcpdump.frames" "$WORK/ours.frames" | head -c 600)"
# Again cut at the smallest snaplen: the tag goes back before the cut, so
# both files hold the first 64 bytes of each frame as it was on the wire.
TCPDUMP_SNAPLEN=64 start_tcpdump "$NS_B" "$VETH_B" "$WORK/tcpdump64.pcap" ""
start_recorder "$NS_B" --interface "$VETH_B" --output "$WORK/ours64.pcap" --snaplen 64
ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/vlan.cfg" --num "$COUNT" \
    --cpus 1 --gap 200us >"$WORK/trafgen.log" 2>&1 || fail "trafgen failed: $(cat "$WORK/trafgen.log")"
sleep 2
stop_process "$RECORDER_PID"
stop_process "$TCPDUMP_PID"
sorted_frames "$WORK/ours64.pcap" >"$WORK/ours64.frames"
cut=$(awk '$1 == 64 && $2 > 64' "$WORK/ours64.frames" | wc -l)
((cut == COUNT)) || fail "snaplen 64: $cut frames cut to 64 bytes, expected $COUNT"
cmp -s <(sorted_frames "$WORK/tcpdump64.pcap") "$WORK/ours64.frames" ||
    fail "snaplen 64: frames differ: $(diff <(sorted_frames "$WORK/tcpdump64.pcap") "$WORK/ours64.frames" | head -c 600)"
echo "PASS: $ours_tagged tagged frames identical to tcpdump's, also cut at snaplen 64"
