#!/usr/bin/env bash
# iperf3 over lo at a fixed rate while tcpdump and our recorder capture lo,
# filtered to the iperf3 port. lo shows every packet twice to a packet socket;
# we must keep one copy like libpcap: same packet count as tcpdump, and the
# TCP payload we count must match what iperf3 says it sent.
source "$(dirname "$0")/common.sh"

PORT=$(free_port) || fail "no free port"
timeout 60 iperf3 -s -1 -p "$PORT" >"$WORK/server.log" 2>&1 &
BACKGROUND+=($!)
wait_for 20 tcp_listening - "$PORT" || fail "iperf3 server did not listen"

start_tcpdump - lo "$WORK/tcpdump.pcap" "tcp port $PORT"
start_recorder - --interface lo --output "$WORK/ours.pcap" --filter "tcp port $PORT"

timeout 60 iperf3 -J -c 127.0.0.1 -p "$PORT" -b 200M -t 1 >"$WORK/client.json" ||
    fail "iperf3 client failed: $(cat "$WORK/client.json")"
sleep 2
stop_process "$RECORDER_PID"
stop_process "$TCPDUMP_PID"

grep -q "0 packets dropped by kernel" "$WORK/tcpdump.pcap.err" ||
    fail "tcpdump dropped packets: $(cat "$WORK/tcpdump.pcap.err")"
[[ $(json_field "$WORK/recorder.json" .kernel_drops) == 0 ]] || fail "recorder dropped packets"

theirs=$("$FRAME_DUMP" "$WORK/tcpdump.pcap" | wc -l)
ours_file=$("$FRAME_DUMP" "$WORK/ours.pcap" | wc -l)
ours_json=$(json_field "$WORK/recorder.json" .packets)
((theirs > 100)) || fail "too few packets seen by tcpdump ($theirs)"
[[ $ours_file == "$theirs" ]] || fail "packet count: ours $ours_file, tcpdump $theirs"
[[ $ours_json == "$theirs" ]] || fail "JSON packet count $ours_json, tcpdump $theirs"
[[ $(json_field "$WORK/recorder.json" .outgoing.packets) == 0 ]] ||
    fail "lo packets counted as outgoing: the PACKET_OUTGOING copy was not dropped"

# Our TCP payload covers the data connection plus the control connection on
# the same port (parameters and results: a few kB). iperf3's sum_sent counts
# the data connection only, so allow 1%.
sent=$(json_field "$WORK/client.json" .end.sum_sent.bytes)
payload=$(json_field "$WORK/recorder.json" .tcp_payload_bytes)
((sent > 1000000)) || fail "iperf3 sent too little ($sent bytes)"
diff=$((payload > sent ? payload - sent : sent - payload))
((diff * 100 <= sent)) || fail "tcp_payload_bytes $payload is not within 1% of iperf3's $sent"
echo "PASS: $theirs packets like tcpdump; payload $payload vs iperf3 $sent"
