# Sourced by the integration tests: argument handling, cleanup, waiting.
# Usage of every test: TEST HELPER FRAME_DUMP
set -euo pipefail

if ((EUID != 0)); then
    echo "SKIP: needs root (network namespaces, capture sockets)"
    exit 77
fi

HELPER=${1:?path of packet-recorder-helper}
FRAME_DUMP=${2:?path of pr_frame_dump}
WORK=$(mktemp -d /tmp/pr-it.XXXXXX)
# Unique per run so parallel runs do not clash (interface names stay < 16 chars).
TAG=$$
CLEANUPS=()
BACKGROUND=()

cleanup() {
    local pid i
    for pid in "${BACKGROUND[@]}"; do
        kill -KILL "$pid" 2>/dev/null || true
    done
    for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do
        eval "${CLEANUPS[i]}" >/dev/null 2>&1 || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

on_exit() { CLEANUPS+=("$*"); }

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# wait_for SECONDS COMMAND...: polls until COMMAND succeeds.
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

file_contains() { grep -q -- "$2" "$1" 2>/dev/null; }

# tcp_listening NETNS|- PORT
tcp_listening() {
    if [[ $1 == - ]]; then
        ss -ltnH "sport = :$2" | grep . >/dev/null
    else
        ip netns exec "$1" ss -ltnH "sport = :$2" | grep . >/dev/null
    fi
}

# A free TCP port on this host's loopback.
free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 40000))
        tcp_listening - "$port" || {
            echo "$port"
            return 0
        }
    done
    return 1
}

# in_ns NETNS|- COMMAND...: runs COMMAND inside NETNS ("-": the host).
in_ns() {
    local ns=$1
    shift
    if [[ $ns == - ]]; then
        "$@"
    else
        ip netns exec "$ns" "$@"
    fi
}

# ns_prefix NETNS|-: sets NS_PREFIX to the words that run a command in NETNS.
# Background jobs use it directly (not through a function) so that $! is the
# command itself and signals reach it.
ns_prefix() {
    NS_PREFIX=()
    if [[ $1 != - ]]; then
        NS_PREFIX=(ip netns exec "$1")
    fi
}

# start_tcpdump NETNS IFACE FILE FILTER: returns once libpcap is listening.
start_tcpdump() {
    # Empty the log first: a stale "listening on" from an earlier start
    # would let the test send before this capture is bound.
    rm -f "$3.err"
    ns_prefix "$1"
    "${NS_PREFIX[@]}" tcpdump -n -i "$2" -w "$3" -s "${TCPDUMP_SNAPLEN:-262144}" -B 65536 "$4" 2>"$3.err" &
    TCPDUMP_PID=$!
    BACKGROUND+=("$TCPDUMP_PID")
    wait_for 20 file_contains "$3.err" "listening on" || fail "tcpdump did not start: $(cat "$3.err")"
}

# start_recorder NETNS ARGS...: runs our recorder with ARGS; returns once the
# ring is up (the "recording on" line). Summary in $WORK/recorder.json.
start_recorder() {
    local ns=$1
    shift
    rm -f "$WORK/recorder.err" "$WORK/recorder.json"
    ns_prefix "$ns"
    "${NS_PREFIX[@]}" "$HELPER" record "$@" >"$WORK/recorder.json" 2>"$WORK/recorder.err" &
    RECORDER_PID=$!
    BACKGROUND+=("$RECORDER_PID")
    wait_for 20 file_contains "$WORK/recorder.err" "recording on" ||
        fail "recorder did not start: $(cat "$WORK/recorder.err")"
}

# stop PID: SIGINT and wait (bounded) for a clean exit.
stop_process() {
    local pid=$1
    kill -INT "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while kill -0 "$pid" 2>/dev/null; do
        ((SECONDS < deadline)) || fail "process $pid did not stop on SIGINT"
        sleep 0.1
    done
    wait "$pid"
}

# sorted_frames FILE: one "caplen len hex" line per frame, sorted.
sorted_frames() { "$FRAME_DUMP" "$1" | LC_ALL=C sort; }

json_field() { jq -er "$2" "$1"; }

# make_veth_pair: two namespaces joined by a veth pair, 198.18.0.1/24 and
# 198.18.0.2/24. Sets NS_A NS_B VETH_A VETH_B.
make_veth_pair() {
    NS_A="pr_a_$TAG"
    NS_B="pr_b_$TAG"
    VETH_A="pra$TAG"
    VETH_B="prb$TAG"
    ip netns add "$NS_A"
    on_exit ip netns del "$NS_A"
    ip netns add "$NS_B"
    on_exit ip netns del "$NS_B"
    ip link add "$VETH_A" netns "$NS_A" type veth peer name "$VETH_B" netns "$NS_B"
    # No IPv6: its neighbour discovery would add packets one capture may see
    # and the other, started a moment later, not.
    ip netns exec "$NS_A" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip netns exec "$NS_B" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n "$NS_A" addr add 198.18.0.1/24 dev "$VETH_A"
    ip -n "$NS_B" addr add 198.18.0.2/24 dev "$VETH_B"
    ip -n "$NS_A" link set lo up
    ip -n "$NS_B" link set lo up
    ip -n "$NS_A" link set "$VETH_A" up
    ip -n "$NS_B" link set "$VETH_B" up
}
