#!/usr/bin/env bash
# "any" and pcapng: files that tshark and capinfos read, with the right
# encapsulation, interface names in pcapng, and lo traffic seen exactly once.
source "$(dirname "$0")/common.sh"

COUNT=50
PORT=$(free_port) || fail "no free port"
send_udp() {
    local i
    for ((i = 0; i < COUNT; i++)); do
        echo "packet $i" >"/dev/udp/127.0.0.1/$PORT"
    done
}

# record_while_sending NAME ARGS...: records with ARGS while COUNT datagrams go over lo.
record_while_sending() {
    local name=$1
    shift
    start_recorder - --output "$WORK/$name" --filter "udp port $PORT" "$@"
    send_udp
    sleep 0.5
    stop_process "$RECORDER_PID"
    cp "$WORK/recorder.json" "$WORK/$name.json"
    capinfos "$WORK/$name" >"$WORK/$name.info" || fail "$name: capinfos cannot read the file"
    local seen
    seen=$(tshark -r "$WORK/$name" -Y "udp.dstport == $PORT" 2>/dev/null | wc -l)
    ((seen == COUNT)) || fail "$name: tshark sees $seen datagrams, sent $COUNT"
    [[ $(json_field "$WORK/$name.json" .packets) == "$COUNT" ]] ||
        fail "$name: summary counts $(json_field "$WORK/$name.json" .packets) packets"
}

record_while_sending any.pcap --interface any
grep -q "Linux cooked-mode capture v2" "$WORK/any.pcap.info" ||
    fail "any.pcap is not SLL2: $(cat "$WORK/any.pcap.info")"
[[ $(json_field "$WORK/any.pcap.json" .link_type) == LINUX_SLL2 ]] || fail "any: link_type"

record_while_sending lo.pcapng --interface lo --format pcapng
grep -q "pcapng" "$WORK/lo.pcapng.info" || fail "lo.pcapng is not pcapng"
names=$(tshark -r "$WORK/lo.pcapng" -T fields -e frame.interface_name 2>/dev/null | sort -u)
[[ $names == lo ]] || fail "lo.pcapng interface names: $names"

record_while_sending any.pcapng --interface any --format pcapng
names=$(tshark -r "$WORK/any.pcapng" -T fields -e frame.interface_name 2>/dev/null | sort -u)
[[ $names == lo ]] || fail "any.pcapng: packets on interfaces: $names"

# "any" into pcapng with no matching packet: still a file libpcap and tshark
# open (one IDB for the capture), and a clean exit.
start_recorder - --output "$WORK/empty-any.pcapng" --interface any --format pcapng \
    --filter "udp port 1 and host 198.18.255.254"
sleep 0.3
stop_process "$RECORDER_PID" || fail "empty any.pcapng: exit status $?: $(cat "$WORK/recorder.err")"
capinfos "$WORK/empty-any.pcapng" >"$WORK/empty-any.info" 2>&1 ||
    fail "empty any.pcapng: capinfos cannot read it: $(cat "$WORK/empty-any.info")"
grep -qE "^Number of packets: +0$" "$WORK/empty-any.info" || fail "empty any.pcapng is not empty"
tshark -r "$WORK/empty-any.pcapng" >/dev/null 2>&1 || fail "tshark cannot read the empty any.pcapng"

record_while_sending lo-us.pcap --interface lo --format pcap-us
grep -q "microseconds" "$WORK/lo-us.pcap.info" || fail "pcap-us is not microsecond pcap"
# Interfaces that appear during an "any" recording get IDBs with their real
# names, although the loop then runs under seccomp (no new sockets or ioctls).
NS="pr_any_$TAG"
ip netns add "$NS"
on_exit ip netns del "$NS"
ip -n "$NS" link set lo up
start_recorder "$NS" --interface any --output "$WORK/new.pcapng" --format pcapng
ip -n "$NS" link add "prn$TAG" type veth peer name "prm$TAG"
ip -n "$NS" addr add 198.18.5.1/24 dev "prn$TAG"
ip -n "$NS" link set "prn$TAG" up
ip -n "$NS" link set "prm$TAG" up
ip netns exec "$NS" bash -c 'for i in 1 2 3 4 5; do echo x >/dev/udp/198.18.5.2/9; done'
sleep 0.5
stop_process "$RECORDER_PID"
names=$(tshark -r "$WORK/new.pcapng" -T fields -e frame.interface_name 2>/dev/null | sort -u | xargs)
[[ $names == *"prn$TAG"* && $names == *"prm$TAG"* ]] ||
    fail "new interfaces not named in the pcapng IDBs: $names"
echo "PASS: any, pcapng and pcap-us read by tshark and capinfos; new interfaces named"
