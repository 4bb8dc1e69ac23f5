#!/usr/bin/env bash
# VLAN capture filters on a live interface, against tcpdump on the same veth
# at the same time. The receiving kernel strips the outer tag before any
# socket filter runs; tcpdump compiles `vlan` against that metadata, we run
# such filters in user space on the frame with the tag put back. Per filter
# both must keep the same frames, byte for byte, and our totals must count
# only those.
source "$(dirname "$0")/common.sh"

make_veth_pair
ROUNDS=100 # frames of each kind
MAC_A=$(ip -n "$NS_A" -br link show "$VETH_A" | awk '{print $3}')
MAC_B=$(ip -n "$NS_B" -br link show "$VETH_B" | awk '{print $3}')
# Four kinds, round robin: 802.1Q VLAN 77; 802.1Q VLAN 78 to another address;
# untagged; QinQ (802.1ad outer VLAN 100 over 802.1Q VLAN 77). The counter
# makes frames distinct.
cat >"$WORK/vlan.cfg" <<CFG
{ eth(da=$MAC_B, sa=$MAC_A), vlan(tpid=0x8100, id=77), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4001), dinc(0, 255), fill(0x41, 40) }
{ eth(da=$MAC_B, sa=$MAC_A), vlan(tpid=0x8100, id=78), ipv4(saddr=198.18.0.1, daddr=198.18.1.9), udp(sp=4000, dp=4002), dinc(0, 255), fill(0x42, 40) }
{ eth(da=$MAC_B, sa=$MAC_A), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4003), dinc(0, 255), fill(0x43, 40) }
{ eth(da=$MAC_B, sa=$MAC_A), vlan(tpid=0x88a8, id=100), vlan(tpid=0x8100, id=77), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4004), dinc(0, 255), fill(0x44, 40) }
CFG

# filter|frames expected (in rounds of 4 kinds)|snaplen. `vlan and vlan N`
# tests the inner tag of QinQ; at snaplen 64 the tag goes back before the cut.
CASES=(
    "vlan|3"
    "vlan 77|1"
    "vlan 78|1"
    "vlan and host 198.18.0.2|1"
    "not vlan|1"
    "vlan 100 and vlan 77|1"
    "vlan 100|1"
    "vlan and vlan 77|1"
    "vlan 77|1|64"
)
results=()
for entry in "${CASES[@]}"; do
    IFS='|' read -r filter rounds snaplen <<<"$entry"
    snaplen=${snaplen:-262144}
    expected=$((rounds * ROUNDS))
    name="${filter// /_}_$snaplen"
    TCPDUMP_SNAPLEN=$snaplen start_tcpdump "$NS_B" "$VETH_B" "$WORK/tcpdump_$name.pcap" "$filter"
    start_recorder "$NS_B" --interface "$VETH_B" --output "$WORK/ours_$name.pcap" \
        --filter "$filter" --snaplen "$snaplen"
    ip netns exec "$NS_A" timeout 60 trafgen --dev "$VETH_A" --conf "$WORK/vlan.cfg" \
        --num $((4 * ROUNDS)) --cpus 1 --gap 200us >"$WORK/trafgen.log" 2>&1 ||
        fail "trafgen failed: $(cat "$WORK/trafgen.log")"
    sleep 1.5
    stop_process "$RECORDER_PID"
    stop_process "$TCPDUMP_PID"

    sorted_frames "$WORK/tcpdump_$name.pcap" >"$WORK/tcpdump_$name.frames"
    sorted_frames "$WORK/ours_$name.pcap" >"$WORK/ours_$name.frames"
    theirs=$(wc -l <"$WORK/tcpdump_$name.frames")
    ours=$(wc -l <"$WORK/ours_$name.frames")
    counted=$(json_field "$WORK/recorder.json" .packets)
    echo "filter '$filter' (snaplen $snaplen): tcpdump $theirs, ours $ours (totals $counted), expected $expected"
    ((theirs == expected)) || fail "'$filter': tcpdump kept $theirs frames, expected $expected"
    ((ours == expected)) || fail "'$filter': we kept $ours frames, expected $expected"
    ((counted == ours)) || fail "'$filter': totals count $counted packets, the file holds $ours"
    cmp -s "$WORK/tcpdump_$name.frames" "$WORK/ours_$name.frames" ||
        fail "'$filter': frames differ: $(diff "$WORK/tcpdump_$name.frames" "$WORK/ours_$name.frames" | head -c 600)"
    results+=("'$filter'/$snaplen: $ours;")
done
echo "PASS: identical to tcpdump for ${results[*]}"
