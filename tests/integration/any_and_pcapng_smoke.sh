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

record_while_sending lo-us.pcap --interface lo --format pcap-us
grep -q "microseconds" "$WORK/lo-us.pcap.info" || fail "pcap-us is not microsecond pcap"
echo "PASS: any, pcapng and pcap-us read by tshark and capinfos"
