#!/usr/bin/env bash
# An interface that goes away ends its recording cleanly. For pcap and
# pcapng: a veth deleted or taken down while `record` writes it makes the
# helper exit by itself with status 5, a line on stderr naming the interface
# and "stop_reason": "interface_down" in the JSON summary; the file opens in
# tshark and capinfos without an error and holds every packet that crossed
# the interface before (the kernel's open block included), as many as the
# summary counts. Recording "any" goes on when one veth is deleted. In serve
# mode the GUI's client (HelperClient, through CLIENT_DRIVER) gets an Error
# naming the interface, then Stopped, and the file is valid.
# Usage: interface_vanishes.sh HELPER FRAME_DUMP CLIENT_DRIVER
source "$(dirname "$0")/common.sh"

CLIENT_DRIVER=${3:?path of pr_polkit_client_driver}
EXIT_INTERFACE_DOWN=5
PINGS=200

make_veth_pair

# Puts the pair back after a case deleted it or took it down.
restore_veth() {
    if ! ip -n "$NS_B" link show "$VETH_B" >/dev/null 2>&1; then
        ip link add "$VETH_A" netns "$NS_A" type veth peer name "$VETH_B" netns "$NS_B"
        ip -n "$NS_A" addr add 198.18.0.1/24 dev "$VETH_A"
        ip -n "$NS_B" addr add 198.18.0.2/24 dev "$VETH_B"
    fi
    ip -n "$NS_A" link set "$VETH_A" up
    ip -n "$NS_B" link set "$VETH_B" up
    # The veth carrier comes up asynchronously.
    wait_for 10 eval "ip netns exec $NS_A ping -q -n -c 1 -W 1 198.18.0.2 >/dev/null 2>&1" ||
        fail "the veth pair does not carry traffic"
}

# A bounded burst of echo requests from A to B: PINGS requests, PINGS replies.
ping_burst() {
    ip netns exec "$NS_A" timeout 20 ping -q -n -i 0.002 -c "$PINGS" -w 15 198.18.0.2 \
        >"$WORK/ping.log" 2>&1 || fail "ping failed: $(cat "$WORK/ping.log")"
}

# Like start_recorder, but the helper runs under a hard time bound.
start_bounded_recorder() {
    local ns=$1
    shift
    rm -f "$WORK/recorder.err" "$WORK/recorder.json"
    ns_prefix "$ns"
    "${NS_PREFIX[@]}" timeout -s KILL 60 "$HELPER" record "$@" \
        >"$WORK/recorder.json" 2>"$WORK/recorder.err" &
    RECORDER_PID=$!
    BACKGROUND+=("$RECORDER_PID")
    wait_for 20 file_contains "$WORK/recorder.err" "recording on" ||
        fail "recorder did not start: $(cat "$WORK/recorder.err")"
}

# check_file LABEL FILE PACKETS: opens in capinfos and tshark without a
# complaint and holds exactly PACKETS packets.
check_file() {
    local label=$1 file=$2 packets=$3 in_capinfos in_tshark
    capinfos -c "$file" >"$WORK/capinfos.out" 2>"$WORK/capinfos.err" ||
        fail "$label: capinfos: $(cat "$WORK/capinfos.err")"
    [[ ! -s "$WORK/capinfos.err" ]] || fail "$label: capinfos complains: $(cat "$WORK/capinfos.err")"
    in_capinfos=$(awk -F: '/Number of packets/ {gsub(/ /, "", $2); print $2}' "$WORK/capinfos.out")
    tshark -r "$file" -T fields -e frame.number >"$WORK/tshark.out" 2>"$WORK/tshark.err" ||
        fail "$label: tshark: $(cat "$WORK/tshark.err")"
    # tshark run as root says so on stderr; anything else is a complaint.
    if grep -v -i "running as user" "$WORK/tshark.err" | grep . >/dev/null; then
        fail "$label: tshark complains: $(cat "$WORK/tshark.err")"
    fi
    in_tshark=$(wc -l <"$WORK/tshark.out")
    ((in_capinfos == packets)) || fail "$label: capinfos counts $in_capinfos, expected $packets"
    ((in_tshark == packets)) || fail "$label: tshark counts $in_tshark, expected $packets"
}

# vanish_during_record FORMAT HOW: HOW is "delete" or "down".
vanish_during_record() {
    local format=$1 how=$2 label="$1, $2" file status packets elapsed_ms start
    file="$WORK/vanish-$how.$format"
    restore_veth
    start_bounded_recorder "$NS_B" --interface "$VETH_B" --output "$file" --format "$format" \
        --filter icmp
    ping_burst
    # At once, while the last packets are still in the kernel's open block.
    start=$(date +%s%N)
    if [[ $how == delete ]]; then
        ip -n "$NS_B" link del "$VETH_B"
    else
        ip -n "$NS_B" link set dev "$VETH_B" down
    fi
    wait_for 5 eval '! kill -0 '"$RECORDER_PID"' 2>/dev/null' ||
        fail "$label: the recorder still runs 5 s after its interface went away"
    elapsed_ms=$((($(date +%s%N) - start) / 1000000))
    status=0
    wait "$RECORDER_PID" || status=$?
    ((status == EXIT_INTERFACE_DOWN)) ||
        fail "$label: exit status $status, expected $EXIT_INTERFACE_DOWN: $(cat "$WORK/recorder.err")"
    grep -q "interface \"$VETH_B\"" "$WORK/recorder.err" ||
        fail "$label: stderr does not name $VETH_B: $(cat "$WORK/recorder.err")"
    [[ $(json_field "$WORK/recorder.json" .stop_reason) == interface_down ]] ||
        fail "$label: stop_reason is not interface_down: $(cat "$WORK/recorder.json")"
    [[ $(json_field "$WORK/recorder.json" .interface) == "$VETH_B" ]] ||
        fail "$label: the summary names another interface: $(cat "$WORK/recorder.json")"
    packets=$(json_field "$WORK/recorder.json" .packets)
    ((packets == 2 * PINGS)) ||
        fail "$label: the summary counts $packets packets, $((2 * PINGS)) crossed the interface"
    [[ $(json_field "$WORK/recorder.json" .file_bytes) == $(stat -c %s "$file") ]] ||
        fail "$label: file_bytes is not the file's size"
    check_file "$label" "$file" "$packets"
    echo "ok: $label: exit $status after $elapsed_ms ms, $packets packets in a valid file"
    echo "  stderr: $(grep -v "packets, .* bytes" "$WORK/recorder.err" | tail -n +2)"
}

for format in pcap pcapng; do
    vanish_during_record "$format" delete
    vanish_during_record "$format" down
done

# "any" keeps recording when one of the interfaces goes away: traffic on
# lo after the veth is deleted is still recorded.
for format in pcap pcapng; do
    file="$WORK/any.$format"
    restore_veth
    start_bounded_recorder "$NS_B" --interface any --output "$file" --format "$format" \
        --filter icmp
    ping_burst
    ip -n "$NS_B" link del "$VETH_B"
    sleep 0.5
    kill -0 "$RECORDER_PID" 2>/dev/null ||
        fail "any, $format: the recording stopped with the veth: $(cat "$WORK/recorder.err")"
    ip netns exec "$NS_B" timeout 10 ping -q -n -c 5 -i 0.01 -w 5 127.0.0.1 >"$WORK/ping.log" 2>&1 ||
        fail "any, $format: ping on lo failed: $(cat "$WORK/ping.log")"
    stop_process "$RECORDER_PID" || fail "any, $format: exit status $?: $(cat "$WORK/recorder.err")"
    [[ $(json_field "$WORK/recorder.json" .stop_reason) == normal ]] ||
        fail "any, $format: stop_reason: $(cat "$WORK/recorder.json")"
    packets=$(json_field "$WORK/recorder.json" .packets)
    # Each lo packet is seen once (libpcap's rule): 5 requests, 5 replies.
    ((packets == 2 * PINGS + 10)) ||
        fail "any, $format: $packets packets, expected $((2 * PINGS + 10))"
    check_file "any, $format" "$file" "$packets"
    echo "ok: any, $format: kept recording after $VETH_B was deleted, $packets packets"
done

# Serve mode, as the GUI records: HelperClient gets an Error naming the
# interface, then Stopped with the packets in the file.
for format in pcap pcapng; do
    file="$WORK/serve.$format"
    restore_veth
    rm -f "$WORK/driver.pid"
    ip netns exec "$NS_B" timeout -s KILL 60 "$CLIENT_DRIVER" --helper "$HELPER" \
        --interface "$VETH_B" --output "$file" --format "$format" --filter icmp \
        --duration-ms 20000 --pid-file "$WORK/driver.pid" >"$WORK/driver.out" 2>"$WORK/driver.err" &
    DRIVER_PID=$!
    BACKGROUND+=("$DRIVER_PID")
    wait_for 20 test -s "$WORK/driver.pid" ||
        fail "serve, $format: did not start: $(cat "$WORK/driver.out" "$WORK/driver.err")"
    ping_burst
    ip -n "$NS_B" link del "$VETH_B"
    wait_for 5 eval '! kill -0 '"$DRIVER_PID"' 2>/dev/null' ||
        fail "serve, $format: still recording 5 s after the interface went away"
    status=0
    wait "$DRIVER_PID" || status=$?
    grep -q "^error .*interface \"$VETH_B\"" "$WORK/driver.out" ||
        fail "serve, $format: no Error naming $VETH_B: $(cat "$WORK/driver.out")"
    line=$(grep "^stopped " "$WORK/driver.out") ||
        fail "serve, $format: no Stopped (exit $status): $(cat "$WORK/driver.out")"
    packets=$(sed -n 's/.*packets=\([0-9]*\).*/\1/p' <<<"$line")
    ((packets == 2 * PINGS)) ||
        fail "serve, $format: Stopped counts $packets packets, $((2 * PINGS)) crossed the interface"
    check_file "serve, $format" "$file" "$packets"
    echo "ok: serve, $format: $(grep "^error " "$WORK/driver.out")"
done

echo "PASS: an interface that goes away ends its recording with a valid file and a message naming it"
