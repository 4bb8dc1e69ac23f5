#!/usr/bin/env bash
# A tun device (ARPHRD_NONE): recorded alone its file is raw IP and matches
# tcpdump byte for byte; under "any" next to lo the filter cannot run in the
# kernel for both link types, so it runs per packet in user space and must
# still keep exactly the matching packets (lo ones once).
source "$(dirname "$0")/common.sh"
TUN_HOLDER=${3:?path of pr_tun_holder}

NS="pr_tun_$TAG"
TUN="prt$TAG"
COUNT=30
ip netns add "$NS"
on_exit ip netns del "$NS"
ip netns exec "$NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip -n "$NS" link set lo up
ns_prefix "$NS"
"${NS_PREFIX[@]}" "$TUN_HOLDER" "$TUN" 90 >"$WORK/tun.out" 2>&1 &
BACKGROUND+=($!)
wait_for 20 file_contains "$WORK/tun.out" ready || fail "tun device not created: $(cat "$WORK/tun.out")"
ip -n "$NS" addr add 198.18.2.1/24 dev "$TUN"
ip -n "$NS" link set "$TUN" up

# send TARGET...: COUNT datagrams to each udp port 7000 and 7001 of each TARGET.
send() {
    ip netns exec "$NS" bash -c '
        for ((i = 0; i < '"$COUNT"'; i++)); do
            for target in "$@"; do
                echo "datagram $i" >"/dev/udp/$target/7000"
                echo "other $i" >"/dev/udp/$target/7001"
            done
        done' send "$@"
}

# 1. The tun device alone: LINKTYPE_RAW, the same frames as tcpdump.
start_tcpdump "$NS" "$TUN" "$WORK/tcpdump.pcap" "udp port 7000"
start_recorder "$NS" --interface "$TUN" --output "$WORK/tun.pcap" --filter "udp port 7000"
grep -q "recording on $TUN (RAW)" "$WORK/recorder.err" || fail "banner: $(cat "$WORK/recorder.err")"
send 198.18.2.2
sleep 2
stop_process "$RECORDER_PID"
stop_process "$TCPDUMP_PID"
capinfos "$WORK/tun.pcap" | grep -q "Raw IP" || fail "tun.pcap is not raw IP: $(capinfos "$WORK/tun.pcap")"
sorted_frames "$WORK/tcpdump.pcap" >"$WORK/tcpdump.frames"
sorted_frames "$WORK/tun.pcap" >"$WORK/tun.frames"
[[ $(wc -l <"$WORK/tun.frames") == "$COUNT" ]] || fail "tun: $(wc -l <"$WORK/tun.frames") frames, sent $COUNT"
cmp -s "$WORK/tcpdump.frames" "$WORK/tun.frames" || fail "tun frames differ from tcpdump's"
[[ $(json_field "$WORK/recorder.json" .outgoing.packets) == "$COUNT" ]] || fail "tun: direction"

# 2. "any" with lo and the tun device: user-space filtering per link type.
start_recorder "$NS" --interface any --output "$WORK/any.pcap" --filter "udp port 7000"
send 198.18.2.2 127.0.0.1
sleep 1
stop_process "$RECORDER_PID"
total=$(tshark -r "$WORK/any.pcap" 2>/dev/null | wc -l)
matching=$(tshark -r "$WORK/any.pcap" -Y "udp.dstport == 7000" 2>/dev/null | wc -l)
tun_index=$(ip netns exec "$NS" cat "/sys/class/net/$TUN/ifindex")
on_tun=$(tshark -r "$WORK/any.pcap" -Y "sll.ifindex == $tun_index" 2>/dev/null | wc -l)
((matching == 2 * COUNT)) || fail "any: $matching matching datagrams, expected $((2 * COUNT))"
((total == matching)) || fail "any: $total packets, $matching match the filter"
((on_tun == COUNT)) || fail "any: $on_tun packets on the tun device, expected $COUNT"
[[ $(json_field "$WORK/recorder.json" .packets) == "$total" ]] || fail "any: JSON count"
# 3. A hardware type we cannot record (PPP, set on a second tun device): one
# line naming the interface and its type, no file.
"${NS_PREFIX[@]}" "$TUN_HOLDER" "ppp$TAG" 30 512 >"$WORK/ppp.out" 2>&1 &
BACKGROUND+=($!)
wait_for 20 file_contains "$WORK/ppp.out" ready || fail "ppp-type device not created: $(cat "$WORK/ppp.out")"
ip -n "$NS" link set "ppp$TAG" up
status=0
ip netns exec "$NS" "$HELPER" record --interface "ppp$TAG" --output "$WORK/ppp.pcap" \
    >"$WORK/ppp.json" 2>"$WORK/ppp.err" || status=$?
((status != 0)) || fail "unsupported link type accepted"
[[ $(wc -l <"$WORK/ppp.err") == 1 ]] || fail "unsupported: $(cat "$WORK/ppp.err")"
grep -q "ppp$TAG" "$WORK/ppp.err" && grep -q "ARPHRD_PPP (512)" "$WORK/ppp.err" ||
    fail "unsupported: message lacks the interface or type: $(cat "$WORK/ppp.err")"
[[ ! -e $WORK/ppp.pcap ]] || fail "unsupported: file left behind"
echo "ok: $(cat "$WORK/ppp.err")"
echo "PASS: tun raw IP matches tcpdump; any filtered $matching of the datagrams in user space"
