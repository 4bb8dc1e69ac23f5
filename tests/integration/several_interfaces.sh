#!/usr/bin/env bash
# Two interfaces into one pcapng file: a receiving namespace with two veth
# pairs (198.18.1.0/30, 198.18.2.0/30), pings of different lengths on each.
# Our "record -i a -i b" and "dumpcap -i a -i b" record the same traffic: the
# same IDB names in the same order, the same packets per interface, and our
# timestamps never go back. pcap with several interfaces is refused (exit 2)
# before any file exists. One veth deleted mid-recording: the other goes on
# and the file stays valid. Both into a set of files (--split-size 1): every
# file opens on its own and has both IDBs.
source "$(dirname "$0")/common.sh"

NS_R="pr_r_$TAG"
NS_1="pr_1_$TAG"
NS_2="pr_2_$TAG"
IF_A="pma$TAG"
IF_B="pmb$TAG"
for ns in "$NS_R" "$NS_1" "$NS_2"; do
    ip netns add "$ns"
    on_exit ip netns del "$ns"
    # No IPv6: its neighbour discovery would add packets one capture may see
    # and the other, started a moment later, not.
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n "$ns" link set lo up
done
ip link add "$IF_A" netns "$NS_R" type veth peer name "${IF_A}p" netns "$NS_1"
ip link add "$IF_B" netns "$NS_R" type veth peer name "${IF_B}p" netns "$NS_2"
ip -n "$NS_R" addr add 198.18.1.1/30 dev "$IF_A"
ip -n "$NS_1" addr add 198.18.1.2/30 dev "${IF_A}p"
ip -n "$NS_R" addr add 198.18.2.1/30 dev "$IF_B"
ip -n "$NS_2" addr add 198.18.2.2/30 dev "${IF_B}p"
for link in "$NS_R $IF_A" "$NS_R $IF_B" "$NS_1 ${IF_A}p" "$NS_2 ${IF_B}p"; do
    read -r ns dev <<<"$link"
    ip -n "$ns" link set "$dev" up
done

# Per interface name: the packet count, "name count" lines in IDB order.
per_interface() {
    tshark -r "$1" -T fields -e frame.interface_id -e frame.interface_name 2>/dev/null |
        sort -n | uniq -c | awk '{print $3, $1}'
}

start_dumpcap() {
    rm -f "$WORK/dumpcap.err"
    ip netns exec "$NS_R" dumpcap -q -i "$IF_A" -i "$IF_B" -w "$WORK/dumpcap.pcapng" \
        2>"$WORK/dumpcap.err" &
    DUMPCAP_PID=$!
    BACKGROUND+=("$DUMPCAP_PID")
    wait_for 20 file_contains "$WORK/dumpcap.err" "Capturing on" ||
        fail "dumpcap did not start: $(cat "$WORK/dumpcap.err")"
}

# --- pcap is refused before anything is created -----------------------------
status=0
ip netns exec "$NS_R" "$HELPER" record -i "$IF_A" -i "$IF_B" -w "$WORK/refused.pcap" \
    >/dev/null 2>"$WORK/refused.err" || status=$?
((status == 2)) || fail "pcap with two interfaces: exit $status, expected 2"
grep -q "needs the pcapng format" "$WORK/refused.err" ||
    fail "no pcapng sentence: $(cat "$WORK/refused.err")"
[[ ! -e $WORK/refused.pcap ]] || fail "a refused recording left a file"
status=0
ip netns exec "$NS_R" "$HELPER" record -i "$IF_A" -i any --format pcapng -w "$WORK/any.pcapng" \
    >/dev/null 2>"$WORK/any.err" || status=$?
((status == 2)) && grep -q "cannot be combined" "$WORK/any.err" ||
    fail "any with another interface: exit $status, $(cat "$WORK/any.err")"

# --- two interfaces, compared with dumpcap -----------------------------------
start_dumpcap
start_recorder "$NS_R" -i "$IF_A" -i "$IF_B" --format pcapng -w "$WORK/ours.pcapng"
grep -q "recording on $IF_A (EN10MB), $IF_B (EN10MB)" "$WORK/recorder.err" ||
    fail "banner: $(cat "$WORK/recorder.err")"
# Different lengths on each, at the same time: a swap or a lost interface shows.
ip netns exec "$NS_1" timeout 30 ping -q -n -c 30 -i 0.02 198.18.1.1 >/dev/null &
PING_1=$!
ip netns exec "$NS_2" timeout 30 ping -q -n -c 70 -i 0.01 198.18.2.1 >/dev/null &
PING_2=$!
wait "$PING_1" || fail "ping on $IF_A failed"
wait "$PING_2" || fail "ping on $IF_B failed"
sleep 1
stop_process "$RECORDER_PID"
stop_process "$DUMPCAP_PID"

per_interface "$WORK/dumpcap.pcapng" >"$WORK/dumpcap.counts"
per_interface "$WORK/ours.pcapng" >"$WORK/ours.counts"
echo "dumpcap: $(tr '\n' ' ' <"$WORK/dumpcap.counts")"
echo "ours:    $(tr '\n' ' ' <"$WORK/ours.counts")"
[[ $(awk '{print $1}' "$WORK/ours.counts" | tr '\n' ' ') == "$IF_A $IF_B " ]] ||
    fail "IDB names or order: $(cat "$WORK/ours.counts")"
cmp -s "$WORK/dumpcap.counts" "$WORK/ours.counts" ||
    fail "per-interface counts differ: dumpcap $(cat "$WORK/dumpcap.counts"), ours $(cat "$WORK/ours.counts")"
a=$(awk -v n="$IF_A" '$1 == n {print $2}' "$WORK/ours.counts")
b=$(awk -v n="$IF_B" '$1 == n {print $2}' "$WORK/ours.counts")
((a >= 60 && b >= 140)) || fail "too few packets: $IF_A $a, $IF_B $b"
# Two IDBs, both Ethernet, with names (capinfos lists them).
[[ $(capinfos -I "$WORK/ours.pcapng" 2>/dev/null | grep -c "Encapsulation = Ethernet") == 2 ]] ||
    fail "not two Ethernet IDBs: $(capinfos -I "$WORK/ours.pcapng" 2>&1 | head -30)"
backwards=$(tshark -r "$WORK/ours.pcapng" -T fields -e frame.time_delta | grep -c '^-' || true)
((backwards == 0)) || fail "$backwards timestamps go back"
[[ $(json_field "$WORK/recorder.json" '.interfaces | map(.name) | join(" ")') == "$IF_A $IF_B" ]] ||
    fail "JSON interfaces: $(cat "$WORK/recorder.json")"
[[ $(json_field "$WORK/recorder.json" '.interfaces[0].packets') == "$a" ]] ||
    fail "JSON packets of $IF_A differ from the file's $a"
[[ $(json_field "$WORK/recorder.json" '.interfaces[1].packets') == "$b" ]] ||
    fail "JSON packets of $IF_B differ from the file's $b"

# --- two interfaces into a set of files ---------------------------------------
# Every file of the set stands on its own: it opens alone and holds both IDBs,
# in the order given, whichever interface its packets came from.
mkdir -p "$WORK/set"
start_recorder "$NS_R" -i "$IF_A" -i "$IF_B" --format pcapng --split-size 1 \
    -w "$WORK/set/both.pcapng"
ip netns exec "$NS_1" timeout 30 ping -q -n -c 1000 -i 0.002 -s 1400 198.18.1.1 >/dev/null &
PING_1=$!
ip netns exec "$NS_2" timeout 30 ping -q -n -c 1000 -i 0.002 -s 1400 198.18.2.1 >/dev/null &
PING_2=$!
wait "$PING_1" || fail "ping on $IF_A failed"
wait "$PING_2" || fail "ping on $IF_B failed"
sleep 0.5
stop_process "$RECORDER_PID"
mapfile -t SET < <(find "$WORK/set" -maxdepth 1 -type f -name 'both*' | LC_ALL=C sort)
((${#SET[@]} >= 3)) || fail "a set of ${#SET[@]} files, expected at least 3: ${SET[*]}"
set_a=0
set_b=0
for file in "${SET[@]}"; do
    tshark -r "$file" >/dev/null 2>"$WORK/set.tshark" ||
        fail "$(basename "$file") does not open on its own: $(cat "$WORK/set.tshark")"
    names=$(capinfos -I "$file" 2>/dev/null | awk '$1 == "Name" {print $3}' | tr '\n' ' ')
    [[ $names == "$IF_A $IF_B " ]] || fail "$(basename "$file"): IDBs \"$names\""
    per_interface "$file" >"$WORK/set.counts"
    set_a=$((set_a + $(awk -v n="$IF_A" '$1 == n {print $2}' "$WORK/set.counts" | grep . || echo 0)))
    set_b=$((set_b + $(awk -v n="$IF_B" '$1 == n {print $2}' "$WORK/set.counts" | grep . || echo 0)))
done
((set_a >= 2000 && set_b >= 2000)) || fail "set: $IF_A $set_a, $IF_B $set_b (>= 2000 each)"
[[ $(json_field "$WORK/recorder.json" '.interfaces[0].packets') == "$set_a" &&
    $(json_field "$WORK/recorder.json" '.interfaces[1].packets') == "$set_b" ]] ||
    fail "JSON per interface differs from the set's $set_a, $set_b: $(cat "$WORK/recorder.json")"

# --- one interface removed mid-recording: the other goes on ------------------
start_recorder "$NS_R" -i "$IF_A" -i "$IF_B" --format pcapng -w "$WORK/gone.pcapng"
ip netns exec "$NS_2" timeout 30 ping -q -n -c 100 -i 0.02 198.18.2.1 >/dev/null &
PING_2=$!
ip netns exec "$NS_1" timeout 30 ping -q -n -c 10 -i 0.02 198.18.1.1 >/dev/null ||
    fail "ping on $IF_A failed"
ip -n "$NS_1" link del "${IF_A}p"
wait_for 10 file_contains "$WORK/recorder.err" "\"$IF_A\" went down or was removed" ||
    fail "no message naming $IF_A: $(cat "$WORK/recorder.err")"
kill -0 "$RECORDER_PID" || fail "the recording ended with one interface left"
wait "$PING_2" || fail "ping on $IF_B failed after $IF_A was removed"
sleep 0.5
status=0
stop_process "$RECORDER_PID" || status=$?
((status == 0)) || fail "exit $status after a stop with $IF_B still there"
per_interface "$WORK/gone.pcapng" >"$WORK/gone.counts" || true
tshark -r "$WORK/gone.pcapng" >/dev/null 2>"$WORK/gone.tshark" ||
    fail "file not valid: $(cat "$WORK/gone.tshark")"
gone_a=$(awk -v n="$IF_A" '$1 == n {print $2}' "$WORK/gone.counts")
gone_b=$(awk -v n="$IF_B" '$1 == n {print $2}' "$WORK/gone.counts")
((${gone_a:-0} >= 20 && ${gone_b:-0} >= 200)) ||
    fail "after removal: $IF_A ${gone_a:-0} (>= 20), $IF_B ${gone_b:-0} (>= 200)"
[[ $(json_field "$WORK/recorder.json" '.interfaces[0].ended') == true ]] ||
    fail "JSON does not say $IF_A ended: $(cat "$WORK/recorder.json")"
echo "PASS: dumpcap and ours $IF_A $a, $IF_B $b packets; a set of ${#SET[@]} files; after removing $IF_A: $gone_a and $gone_b"
