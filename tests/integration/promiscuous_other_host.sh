#!/usr/bin/env bash
# --promiscuous: the interface is in promiscuous mode while we record (and
# not after), and frames for another host's MAC address are recorded with
# direction "other", byte-identical to what tcpdump sees.
source "$(dirname "$0")/common.sh"

make_veth_pair
COUNT=40
MAC_A=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}')
cat >"$WORK/other.cfg" <<CFG
{ eth(da=02:00:00:00:00:99, sa=$MAC_A), ipv4(saddr=198.18.0.1, daddr=198.18.0.99), udp(sp=4000, dp=4001), dinc(0, 255), fill(0x44, 30) }
CFG

# Packet-socket memberships count in "promiscuity", not in the PROMISC flag.
promiscuity() { ip -d -n "$NS_B" link show "$VETH_B" | grep -o 'promiscuity [0-9]*' | awk '{print $2}'; }

start_tcpdump "$NS_B" "$VETH_B" "$WORK/tcpdump.pcap" "udp port 4001"
before=$(promiscuity)
start_recorder "$NS_B" --interface "$VETH_B" --output "$WORK/ours.pcap" --filter "udp port 4001" \
    --promiscuous
[[ $(promiscuity) == $((before + 1)) ]] || fail "promiscuity $(promiscuity), was $before"
ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/other.cfg" --num "$COUNT" \
    --cpus 1 --gap 1ms >"$WORK/trafgen.log" 2>&1 || fail "trafgen failed: $(cat "$WORK/trafgen.log")"
sleep 1
stop_process "$RECORDER_PID"
[[ $(promiscuity) == "$before" ]] || fail "promiscuous mode left on after the recording"
stop_process "$TCPDUMP_PID"

[[ $(json_field "$WORK/recorder.json" .other.packets) == "$COUNT" ]] ||
    fail "other-host packets: $(json_field "$WORK/recorder.json" .other.packets), sent $COUNT"
cmp -s <(sorted_frames "$WORK/tcpdump.pcap") <(sorted_frames "$WORK/ours.pcap") ||
    fail "frames differ from tcpdump's"

# Without --promiscuous the interface is left alone (a veth has no MAC filter,
# so the frames still arrive, as "other").
start_recorder "$NS_B" --interface "$VETH_B" --output "$WORK/plain.pcap" --filter "udp port 4001"
[[ $(promiscuity) == 0 ]] || fail "promiscuous without --promiscuous"
stop_process "$RECORDER_PID"
echo "PASS: $COUNT other-host frames recorded as other; promiscuity only with --promiscuous"
