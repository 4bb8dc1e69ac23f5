#!/usr/bin/env bash
# A compromised helper, from inside: the probe build of the capture program
# (confinement_probe.h) attacks from every confined part once it is confined
# (the capture loop; attribution's worker and the file set's broker once the
# product calls the probe there): write, send, sendto, sendmsg on every packet
# socket; dup, dup2, dup3, fcntl F_DUPFD of one onto or into a low number and
# a write there; openat with create of .bash_profile in the set's folder and
# its parent; unlinkat, rename, link, symlink, mkdir there; socket(AF_PACKET).
# For each mode (one file, a set of files, --programs, any, several
# interfaces) through record and serve, and record streaming to a pipe
# (--output -): every attempt fails, each part that
# should report did, the victim files are intact, no .bash_profile appeared,
# tcpdump on the peer and on "any" in the helper's namespace saw no forged
# frame (ether proto 0x88b5), and the recording stopped cleanly into files
# tcpdump reads.
#   compromised_helper.sh HELPER FRAME_DUMP PROBE CLIENT_DRIVER LAUNCHER_SPLIT SOURCE_DIR
# LAUNCHER_SPLIT 1: HELPER is the launcher and execs packet-recorder-capture
# from its own folder, so the probe build runs as that next to a copy of it;
# 0: the probe build runs as the helper.
source "$(dirname "$0")/../integration/common.sh"

PROBE=${3:?path of pr_probe_capture}
CLIENT_DRIVER=${4:?path of pr_polkit_client_driver}
LAUNCHER_SPLIT=${5:?1 if the helper is a launcher of packet-recorder-capture}
SOURCE_DIR=${6:?source tree}
PINGS=20
PROBLEMS=()

problem() {
    echo "FAIL: $*" >&2
    PROBLEMS+=("$*")
}

# The probe build, where the helper would be.
BIN="$WORK/bin"
mkdir "$BIN"
if [[ $LAUNCHER_SPLIT == 1 ]]; then
    cp "$HELPER" "$BIN/packet-recorder-helper"
    cp "$PROBE" "$BIN/packet-recorder-capture"
    # As built and installed: an image the caller may not read starts
    # non-dumpable, which the capture program checks before it takes sockets.
    chmod 0711 "$BIN/packet-recorder-capture"
    echo "probe build runs as packet-recorder-capture behind the launcher"
else
    cp "$PROBE" "$BIN/packet-recorder-helper"
    echo "probe build runs as packet-recorder-helper"
fi
RUN="$BIN/packet-recorder-helper"

# A part must report once the product calls the probe in it.
hook_in_product() {
    grep -rqs --include='*.cpp' "ConfinedPart::$1" "$SOURCE_DIR/capture" "$SOURCE_DIR/app"
}
hook_in_product AttributionWorker && WORKER_HOOK=1 || WORKER_HOOK=0
hook_in_product FileSetBroker && BROKER_HOOK=1 || BROKER_HOOK=0
echo "probe calls in the product: AttributionWorker $WORKER_HOOK, FileSetBroker $BROKER_HOOK"

make_veth_pair
IFINDEX_B=$(ip netns exec "$NS_B" cat "/sys/class/net/$VETH_B/ifindex")
# Where the probe's sendto and sendmsg address frames: the veth, then lo.
IFINDEXES="$IFINDEX_B,1"
# Also next to the probe build, for a launcher that clears the environment.
echo "$IFINDEXES" >"$BIN/probe-ifindexes"

# stop_bounded PID: SIGINT, then SIGKILL after 20 s; the exit status.
stop_bounded() {
    local pid=$1 status=0
    kill -INT "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" || status=$?
    return "$status"
}

# start_sniffer NETNS IFACE PCAP: tcpdump for forged frames; sets SNIFFER_PID.
start_sniffer() {
    ip netns exec "$1" tcpdump -i "$2" --immediate-mode -U -n -w "$3" 'ether proto 0x88b5' \
        2>"$3.err" &
    SNIFFER_PID=$!
    BACKGROUND+=("$SNIFFER_PID")
    wait_for 10 file_contains "$3.err" "listening on" || fail "tcpdump did not start: $(cat "$3.err")"
}

# A little bounded traffic: echo requests across the pair, and a TCP SYN from
# the recorder's namespace (a local socket for attribution to name).
traffic() {
    ip netns exec "$NS_A" timeout 10 ping -q -n -i 0.02 -c "$PINGS" -w 8 198.18.0.2 \
        >"$CASE/ping.log" 2>&1 || problem "$LABEL: ping failed: $(cat "$CASE/ping.log")"
    ip netns exec "$NS_B" timeout 3 bash -c 'exec 3<>/dev/tcp/198.18.0.1/9' 2>/dev/null || true
}

# check_part PART EXPECTED: its summary says 0 succeeded after some attempts;
# a part not expected may be absent.
check_part() {
    local part=$1 expected=$2 summary
    summary=$(grep -E "^probe $part done: " "$CASE/probe.log" || true)
    if [[ -z $summary ]]; then
        if ((expected)); then
            problem "$LABEL: $part printed no summary"
        else
            echo "  $part: no report (not in this mode, or not probed by the product yet)"
        fi
        return 0
    fi
    [[ $summary =~ done:\ ([0-9]+)\ attempts,\ ([0-9]+)\ succeeded$ ]] ||
        problem "$LABEL: $part: unreadable summary: $summary"
    ((BASH_REMATCH[1] > 0)) || problem "$LABEL: $part made no attempt"
    ((BASH_REMATCH[2] == 0)) || problem "$LABEL: $part: ${BASH_REMATCH[2]} attempts succeeded"
    echo "  $summary"
}

# run_case LABEL FRONT SET PROGRAMS INTERFACES...: FRONT record|serve, SET
# and PROGRAMS 0|1, INTERFACES as the recorder takes them ("any" too).
# STREAM=1: record writes the file to standard output (--output -), a pipe,
# and polls its input for the end that stops it (--stop-at-input-end).
run_case() {
    LABEL=$1
    local front=$2 set=$3 programs=$4
    shift 4
    local interfaces=("$@") format=pcap
    ((${#interfaces[@]} == 1)) || format=pcapng
    CASE="$WORK/case-${LABEL// /-}"
    local parent="$CASE/home" folder="$CASE/home/user"
    mkdir -p "$folder"
    echo "victim in the set's folder" >"$folder/victim.txt"
    echo "victim above it" >"$parent/victim.txt"
    local output="$folder/capture.$format"
    echo "$LABEL:"
    local problems_before=${#PROBLEMS[@]}

    start_sniffer "$NS_A" "$VETH_A" "$CASE/peer.pcap"
    local peer_sniffer=$SNIFFER_PID
    start_sniffer "$NS_B" any "$CASE/local.pcap"
    local local_sniffer=$SNIFFER_PID

    local status=0 args=() iface
    if [[ $front == record ]]; then
        for iface in "${interfaces[@]}"; do args+=(--interface "$iface"); done
        ((set == 0)) || args+=(--split-size 1 --keep-files 3)
        ((programs == 0)) || args+=(--programs)
        if ((${STREAM:-0})); then
            # As a remote recording runs it: its input held open by the
            # other end (here a sleep), polled beside the rings.
            args+=(--output - --format "$format" --ring-mb 4 --stop-at-input-end)
            ip netns exec "$NS_B" env PR_PROBE_IFINDEXES="$IFINDEXES" timeout -s KILL 60 \
                "$RUN" record "${args[@]}" < <(sleep 90) > >(cat >"$output") \
                2>"$CASE/helper.err" &
        else
            args+=(--output "$output" --format "$format" --ring-mb 4)
            ip netns exec "$NS_B" env PR_PROBE_IFINDEXES="$IFINDEXES" timeout -s KILL 60 \
                "$RUN" record "${args[@]}" >"$CASE/record.json" 2>"$CASE/helper.err" &
        fi
        local pid=$!
        BACKGROUND+=("$pid")
        if wait_for 20 file_contains "$CASE/helper.err" "recording on"; then
            traffic
            stop_bounded "$pid" || status=$?
        else
            problem "$LABEL: the recording did not start"
            stop_bounded "$pid" || status=$?
        fi
        ((status == 0)) || problem "$LABEL: record exited with status $status"
        cp "$CASE/helper.err" "$CASE/probe.log"
    else
        for iface in "${interfaces[@]}"; do args+=(--interface "$iface"); done
        args+=(--output "$output" --format "$format" --ring-mb 4 --duration-ms 1500)
        ((set == 0)) || args+=(--split-mb 1 --keep-files 3)
        ((programs == 0)) || args+=(--programs)
        # HelperClient logs each line the helper writes on stderr.
        ip netns exec "$NS_B" env PR_PROBE_IFINDEXES="$IFINDEXES" \
            QT_LOGGING_RULES='pr.helperclient.info=true' timeout -s KILL 60 \
            "$CLIENT_DRIVER" --helper "$RUN" "${args[@]}" >"$CASE/driver.out" 2>"$CASE/driver.err" &
        local pid=$!
        BACKGROUND+=("$pid")
        if wait_for 20 file_contains "$CASE/driver.out" "^started"; then
            traffic
        else
            problem "$LABEL: the recording did not start: $(cat "$CASE/driver.out")"
        fi
        wait "$pid" || status=$?
        ((status == 0)) || problem "$LABEL: the client exited with status $status"
        grep -q '^stopped ' "$CASE/driver.out" || problem "$LABEL: no Stopped: $(cat "$CASE/driver.out")"
        sed -n 's/^.*helper: \(probe .*\)$/\1/p' "$CASE/driver.err" >"$CASE/probe.log"
    fi
    sleep 0.3 # tcpdump's own buffering
    stop_bounded "$peer_sniffer" || true
    stop_bounded "$local_sniffer" || true

    # Every attempt failed, and every part that should report did, fully.
    local attempts succeeded
    attempts=$(grep -cE '^probe [A-Za-z]+ .*: (refused [A-Z0-9]+|SUCCEEDED)$' "$CASE/probe.log" || true)
    succeeded=$(grep -E '^probe [A-Za-z]+ .*: SUCCEEDED$' "$CASE/probe.log" || true)
    echo "  $attempts attempt lines"
    if [[ -n $succeeded ]]; then
        problem "$LABEL: attempts that succeeded:"$'\n'"$(head -n 30 <<<"$succeeded")"
    fi
    ! grep -E '^probe [A-Za-z]+ incomplete$' "$CASE/probe.log" || problem "$LABEL: a part did not finish"
    check_part CaptureLoop 1
    grep -qE '^probe CaptureLoop note: .* 2 ifindexes$' "$CASE/probe.log" ||
        problem "$LABEL: the probe did not learn the interfaces to address frames to"
    check_part AttributionWorker $((programs && WORKER_HOOK))
    check_part FileSetBroker $((set && BROKER_HOOK))

    # The files the probe went for.
    [[ $(cat "$folder/victim.txt" 2>/dev/null) == "victim in the set's folder" ]] ||
        problem "$LABEL: the victim in the set's folder is gone or changed"
    [[ $(cat "$parent/victim.txt" 2>/dev/null) == "victim above it" ]] ||
        problem "$LABEL: the victim above the set's folder is gone or changed"
    local planted
    planted=$(find "$CASE" \( -name .bash_profile -o -name 'probe-*' -o -name 'victim-renamed-*' \) \
        -printf '%p ')
    [[ -z $planted ]] || problem "$LABEL: the probe created $planted"

    # No forged frame on the wire, on the peer or in the helper's namespace.
    local forged
    for pcap in "$CASE/peer.pcap" "$CASE/local.pcap"; do
        forged=$("$FRAME_DUMP" "$pcap" | wc -l)
        ((forged == 0)) || problem "$LABEL: tcpdump saw $forged forged frames ($(basename "$pcap"))"
    done
    echo "  forged frames seen: peer $("$FRAME_DUMP" "$CASE/peer.pcap" | wc -l), local $("$FRAME_DUMP" "$CASE/local.pcap" | wc -l)"

    # The recording is still readable.
    local files=() file
    if ((set)); then
        mapfile -t files < <(find "$folder" -name "capture_*.$format" | sort)
    else
        files=("$output")
    fi
    ((${#files[@]} > 0)) || problem "$LABEL: no capture file"
    local packets=0
    for file in "${files[@]}"; do
        tcpdump -n -r "$file" >"$CASE/read.out" 2>"$CASE/read.err" ||
            problem "$LABEL: tcpdump cannot read $(basename "$file"): $(cat "$CASE/read.err")"
        packets=$((packets + $(wc -l <"$CASE/read.out")))
    done
    # At least the echo requests; a file the probe took over would hold none.
    ((packets >= PINGS)) || problem "$LABEL: $packets packets recorded, fewer than the $PINGS pings"
    echo "  ${#files[@]} capture file(s) tcpdump reads, $packets packets"
    if ((${#PROBLEMS[@]} > problems_before)); then
        echo "  what the probe reported:"
        head -n 400 "$CASE/probe.log" | sed 's/^/    /'
    fi
}

for front in record serve; do
    run_case "$front single" "$front" 0 0 "$VETH_B"
    run_case "$front set" "$front" 1 0 "$VETH_B"
    run_case "$front programs" "$front" 1 1 "$VETH_B"
    run_case "$front any" "$front" 0 0 any
    run_case "$front several" "$front" 1 1 "$VETH_B" lo
done
STREAM=1 run_case "record stream" record 0 1 "$VETH_B"

if ((${#PROBLEMS[@]} > 0)); then
    echo "FAIL: ${#PROBLEMS[@]} problems" >&2
    exit 1
fi
echo "PASS: the confined helper could neither send a frame nor touch a file outside its set"
