#!/usr/bin/env bash
# How a recording ends: on SIGINT right after traffic the packets still held
# in the kernel's open block are drained into the file (tcpdump drops them);
# --count stops at exactly that many packets; --duration stops on time; a
# progress line a second; a PKEXEC_UID that is not the caller's is refused.
source "$(dirname "$0")/common.sh"

COUNT=50
PORT=$(free_port) || fail "no free port"
send_udp() {
    local i
    for ((i = 0; i < COUNT; i++)); do
        echo "datagram $i" >"/dev/udp/127.0.0.1/$PORT"
    done
}

# 1. SIGINT immediately after the last datagram: nothing lost.
for round in 1 2 3; do
    start_tcpdump - lo "$WORK/tcpdump.pcap" "udp port $PORT"
    start_recorder - --interface lo --output "$WORK/tail.pcap" --overwrite --filter "udp port $PORT"
    send_udp
    stop_process "$RECORDER_PID"
    stop_process "$TCPDUMP_PID"
    ours=$("$FRAME_DUMP" "$WORK/tail.pcap" | wc -l)
    theirs=$("$FRAME_DUMP" "$WORK/tcpdump.pcap" | wc -l)
    ((ours == COUNT)) || fail "stopped right after traffic: $ours of $COUNT datagrams in the file"
    [[ $(json_field "$WORK/recorder.json" .packets) == "$COUNT" ]] || fail "tail: JSON count"
    echo "ok: tail round $round: ours $ours, tcpdump $theirs of $COUNT"
done

# 2. --count: exactly that many, and the process ends by itself.
"$HELPER" record --interface lo --output "$WORK/count.pcap" --filter "udp port $PORT" \
    --count 10 >"$WORK/count.json" 2>"$WORK/count.err" &
pid=$!
BACKGROUND+=("$pid")
wait_for 20 file_contains "$WORK/count.err" "recording on" || fail "count: did not start"
send_udp
wait_for 20 eval '! kill -0 '"$pid"' 2>/dev/null' || fail "--count 10 did not stop"
wait "$pid" || fail "--count exit status"
[[ $("$FRAME_DUMP" "$WORK/count.pcap" | wc -l) == 10 ]] || fail "--count 10: file has other than 10"
[[ $(json_field "$WORK/count.json" .packets) == 10 ]] || fail "--count 10: JSON"
echo "ok: --count"

# 3. --duration: ends on time (plus the drain), with progress lines.
start=$(date +%s%N)
"$HELPER" record --interface lo --output "$WORK/duration.pcap" --duration 2.2 \
    >"$WORK/duration.json" 2>"$WORK/duration.err" || fail "--duration exit status"
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
((elapsed_ms >= 2200 && elapsed_ms < 4000)) || fail "--duration 2.2 took $elapsed_ms ms"
duration=$(json_field "$WORK/duration.json" .duration_s)
awk -v d="$duration" 'BEGIN { exit !(d >= 2.2 && d < 3.0) }' || fail "duration_s $duration"
progress=$(grep -c "packets" "$WORK/duration.err")
((progress == 2)) || fail "expected 2 progress lines, got $progress: $(cat "$WORK/duration.err")"
head -1 "$WORK/duration.err" | grep -q "^recording on lo (EN10MB)$" || fail "banner"
echo "ok: --duration ${elapsed_ms} ms, $progress progress lines"

# 4. PKEXEC_UID is believed only when it names the user who started the
#    helper (pkexec's caller is the helper's parent): from this root shell
#    it is a lie, refused before anything is read or created. The file
#    belonging to the real caller is checked by the polkit tests.
mkdir "$WORK/user" && chmod 0777 "$WORK/user" && chmod 0755 "$WORK"
! PKEXEC_UID=65534 "$HELPER" record --interface lo --output "$WORK/user/owned.pcap" \
    --duration 0.3 >/dev/null 2>"$WORK/pkexec.err" || fail "a forged PKEXEC_UID was accepted"
grep -q "is not the user who started the helper" "$WORK/pkexec.err" ||
    fail "no clear error for a forged PKEXEC_UID: $(cat "$WORK/pkexec.err")"
[[ ! -e $WORK/user/owned.pcap ]] || fail "a file was created"
echo "ok: forged PKEXEC_UID refused"

# 5. interfaces --json agrees with the kernel's own list.
"$HELPER" interfaces --json >"$WORK/interfaces.json" || fail "interfaces --json"
ours=$(jq -r '.[] | "\(.index) \(.name) \(.mtu)"' "$WORK/interfaces.json" | sort)
kernel=$(ip -j link show | jq -r '.[] | "\(.ifindex) \(.ifname) \(.mtu)"' | sort)
[[ $ours == "$kernel" ]] || fail "interfaces differ from ip link: $ours vs $kernel"
jq -e '.[] | select(.name == "lo") | .up and .loopback and .link_type == "EN10MB" and
    (.addresses | index("127.0.0.1"))' "$WORK/interfaces.json" >/dev/null || fail "lo entry"
echo "PASS: stops, progress, ownership, interface list"
