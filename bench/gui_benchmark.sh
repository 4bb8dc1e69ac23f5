#!/usr/bin/env bash
# GUI benchmark: the real main window (offscreen) and the real helper record
# the highest packet rate trafgen produces for SECONDS (default 30) on a veth
# pair between two namespaces this script creates (198.18.0.0/30), and print
# the longest event-loop stall and the resident memory after RSS_AFTER
# packets (default 10 million). Targets: stall <= 50 ms, RSS <= 300 MB.
#
# Usage (root): bench/gui_benchmark.sh [build-dir]
#   build-dir defaults to build; gui_benchmark and packet-recorder-helper are
#   built there if missing (cmake --build BUILD --target gui_benchmark).
set -euo pipefail

build=${1:-build}
seconds=${SECONDS_TO_RUN:-30}
rss_after=${RSS_AFTER:-10000000}

die() {
    echo "gui_benchmark: $*" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || die "must run as root (namespaces, capture)"
command -v trafgen >/dev/null || die "trafgen (netsniff-ng) is not installed"
cmake --build "$build" --target gui_benchmark packet-recorder-helper -j2 >/dev/null
bench=$(realpath "$build/tests/ui_main/gui_benchmark")
helper=$(realpath "$build/app/packet-recorder-helper")

source "$(dirname "$0")/veth_pair.sh"
work=$(mktemp -d /tmp/gui-benchmark.XXXXXX)
out=$work/out
traffic_pid=

cleanup() {
    set +e
    [[ -n $traffic_pid ]] && kill -INT "$traffic_pid" 2>/dev/null && wait "$traffic_pid"
    veth_pair_delete
    mountpoint -q "$out" && umount "$out"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The capture goes to a tmpfs so the disk is not what is measured.
mkdir -p "$out"
mount -t tmpfs -o size=4g,mode=0755 tmpfs "$out"

veth_pair_create "prg$$"

cat >"$work/udp64.trafgen" <<CONF
{
  eth(da=$mac_rx, sa=$mac_tx, type=0x0800),
  ipv4(saddr=198.18.0.1, daddr=198.18.0.2, ttl=64, proto=17),
  udp(sport=dinc(1024, 65000), dport=9),
  fill(0x41, 18)
}
CONF

# Bounded twice: by time (the benchmark's length plus start-up) and count.
ip netns exec "$ns_tx" timeout $((seconds + 20)) trafgen --dev "$veth_tx" \
    --conf "$work/udp64.trafgen" --cpus 1 -n 400000000 >"$work/trafgen.log" 2>&1 &
traffic_pid=$!
sleep 1

echo "gui_benchmark: recording $seconds s on $veth_rx (trafgen, 64-byte UDP frames)" >&2
# BENCH_WRAPPER: e.g. "perf record -g -o FILE" to profile the GUI side.
result=$(ip netns exec "$ns_rx" ${BENCH_WRAPPER:-} "$bench" --helper "$helper" --interface "$veth_rx" \
    --seconds "$seconds" --rss-after "$rss_after" --output-dir "$out")
echo "$result"
