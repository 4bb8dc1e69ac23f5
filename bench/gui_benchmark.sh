#!/usr/bin/env bash
# GUI benchmark: the real main window (offscreen) and the real helper record
# the highest packet rate trafgen produces (or RATE_PPS packets per second)
# for SECONDS_TO_RUN (default 60) on a veth pair between two namespaces this
# script creates (198.18.0.0/30), and print the longest event-loop stall, the
# resident memory after RSS_AFTER packets (default 10 million), CPU in % of
# a core (the whole GUI process, its GUI thread, the helper), and after Stop
# the packet list's rows next to capinfos' count of the file.
# Targets: stall <= 50 ms, RSS <= 300 MB.
#
# Usage (root): [RATE_PPS=14000] bench/gui_benchmark.sh [build-dir]
#   build-dir defaults to build; gui_benchmark and packet-recorder-helper are
#   built there if missing (cmake --build BUILD --target gui_benchmark).
set -euo pipefail

build=${1:-build}
seconds=${SECONDS_TO_RUN:-60}
rate_pps=${RATE_PPS:-}
rss_after=${RSS_AFTER:-10000000}

die() {
    echo "gui_benchmark: $*" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || die "must run as root (namespaces, capture)"
command -v trafgen >/dev/null || die "trafgen (netsniff-ng) is not installed"
command -v capinfos >/dev/null || die "capinfos (tshark) is not installed"
command -v jq >/dev/null || die "jq is not installed"
[[ -z $rate_pps || $rate_pps =~ ^[1-9][0-9]*$ ]] || die "RATE_PPS is a packet rate, e.g. 14000"
# gui_benchmark is a test tool: the folder needs the tests configured.
cmake -S "$(dirname "$0")/.." -B "$build" -DPR_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target gui_benchmark packet-recorder-helper packet-recorder-capture -j2 >/dev/null
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
rate_args=()
packets=400000000
load="the highest rate trafgen reaches"
if [[ -n $rate_pps ]]; then
    rate_args=(--rate "${rate_pps}pps")
    packets=$((rate_pps * (seconds + 20)))
    load="$rate_pps packets/s"
fi
ip netns exec "$ns_tx" timeout $((seconds + 20)) trafgen --dev "$veth_tx" \
    --conf "$work/udp64.trafgen" --cpus 1 -n "$packets" "${rate_args[@]}" >"$work/trafgen.log" 2>&1 &
traffic_pid=$!
sleep 1

echo "gui_benchmark: recording $seconds s on $veth_rx (trafgen, 64-byte UDP frames, $load)" >&2
# BENCH_WRAPPER: e.g. "perf record -g -o FILE" to profile the GUI side.
result=$(ip netns exec "$ns_rx" ${BENCH_WRAPPER:-} "$bench" --helper "$helper" --interface "$veth_rx" \
    --seconds "$seconds" --rss-after "$rss_after" --output-dir "$out" --keep-file)
echo "$result"
file=$(jq -r .file <<<"$result")
if [[ -n $file && -f $file ]]; then
    in_file=$(capinfos -c -M -T -r "$file" | awk -F'\t' '{ print $2 }')
    echo "gui_benchmark: list rows $(jq -r .list_rows <<<"$result"), file $in_file packets (capinfos), helper counted $(jq -r .packets <<<"$result"); list caught up $(jq -r 'if .list_caught_up_ms == null then "not within 10 s" else "after \(.list_caught_up_ms | round) ms" end' <<<"$result")" >&2
    rm -f "$file"
fi
jq -r '"gui_benchmark: CPU over \(.cpu_seconds_measured) s in % of a core: GUI process \(.process_cpu_percent), GUI thread \(.gui_thread_cpu_percent), helper \(.helper_cpu_percent)"' <<<"$result" >&2
