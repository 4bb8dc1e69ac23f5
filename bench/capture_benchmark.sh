#!/usr/bin/env bash
# Offers the same load to tcpdump, packet-recorder-helper and netsniff-ng in
# turn and prints one table: packets offered, captured, dropped, CPU seconds
# per million packets, MB/s written, and our CPU and drop ratio to tcpdump.
#
# Usage (root): bench/capture_benchmark.sh [helper-binary]
#   helper-binary defaults to build-bench/app/packet-recorder-helper
# Environment: TRAFGEN_PACKETS (default 5000000), IPERF_SECONDS (default 4),
#   MAX_SECONDS (iperf3 at maximum rate, default 3), RECORDERS (default
#   "tcpdump recorder netsniff-ng"), SCENARIOS (default "trafgen64 iperf5g
#   iperf8g iperfmax").
#
# Topology: two network namespaces joined by a veth pair (198.18.0.1/30 and
# 198.18.0.2/30). Traffic goes from the tx namespace to the rx namespace,
# where the recorder captures the rx end. The traffic source (and the
# kernel's receive path, which runs on the sending CPU for veth) is pinned to
# CPU 0, the recorder to CPU 1, so recorders compete only with each other's
# load, not with the generator. Files go to a tmpfs so the disk is not
# measured. Offered packets come from the rx veth's own counters.
set -euo pipefail

helper=${1:-build-bench/app/packet-recorder-helper}
trafgen_packets=${TRAFGEN_PACKETS:-5000000}
iperf_seconds=${IPERF_SECONDS:-4}
max_seconds=${MAX_SECONDS:-3}
recorders=${RECORDERS:-"tcpdump recorder netsniff-ng"}
scenarios=${SCENARIOS:-"trafgen64 iperf5g iperf8g iperfmax"}

die() {
    echo "capture_benchmark: $*" >&2
    exit 1
}

[[ $(id -u) -eq 0 ]] || die "must run as root (namespaces, tmpfs, capture)"
[[ -x $helper ]] || die "helper binary not found: $helper (build it or pass its path)"
helper=$(realpath "$helper")
for tool in ip tcpdump trafgen iperf3 capinfos taskset /usr/bin/time; do
    command -v "$tool" >/dev/null || die "$tool is not installed"
done
if [[ $recorders == *netsniff-ng* ]] && ! command -v netsniff-ng >/dev/null; then
    recorders=${recorders//netsniff-ng/}
fi

tag=prb$$
ns_tx=${tag}tx
ns_rx=${tag}rx
veth_tx=${tag}a
veth_rx=${tag}b
addr_tx=198.18.0.1
addr_rx=198.18.0.2
work=$(mktemp -d /tmp/capture-benchmark.XXXXXX)
out=$work/out
pids=()

cleanup() {
    set +e
    for pid in "${pids[@]}"; do
        kill -INT "$pid" 2>/dev/null
    done
    sleep 0.2
    for pid in "${pids[@]}"; do
        kill -KILL "$pid" 2>/dev/null
    done
    ip netns del "$ns_tx" 2>/dev/null
    ip netns del "$ns_rx" 2>/dev/null
    mountpoint -q "$out" && umount "$out"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$out"
# Large enough for the longest run at maximum rate; each file is deleted
# as soon as it has been counted.
mount -t tmpfs -o size=12g,mode=0755 tmpfs "$out"

ip netns add "$ns_tx"
ip netns add "$ns_rx"
ip link add "$veth_tx" netns "$ns_tx" type veth peer name "$veth_rx" netns "$ns_rx"
ip -n "$ns_tx" addr add "$addr_tx/30" dev "$veth_tx"
ip -n "$ns_rx" addr add "$addr_rx/30" dev "$veth_rx"
ip -n "$ns_tx" link set "$veth_tx" up
ip -n "$ns_rx" link set "$veth_rx" up
ip -n "$ns_tx" link set lo up
ip -n "$ns_rx" link set lo up
for _ in $(seq 50); do
    [[ $(ip netns exec "$ns_rx" cat "/sys/class/net/$veth_rx/operstate") == up ]] && break
    sleep 0.1
done
mac_rx=$(ip netns exec "$ns_rx" cat "/sys/class/net/$veth_rx/address")
mac_tx=$(ip netns exec "$ns_tx" cat "/sys/class/net/$veth_tx/address")

# 60-byte UDP frames (64 on a wire with the FCS), varying source port.
trafgen_conf=$work/udp64.trafgen
cat >"$trafgen_conf" <<EOF
{
  eth(da=$mac_rx, sa=$mac_tx, type=0x0800),
  ipv4(saddr=$addr_tx, daddr=$addr_rx, ttl=64, proto=17),
  udp(sport=dinc(1024, 65000), dport=9),
  fill(0x41, 18)
}
EOF

rx_counter() {
    ip netns exec "$ns_rx" cat "/sys/class/net/$veth_rx/statistics/$1"
}

offered_now() {
    echo $(($(rx_counter rx_packets) + $(rx_counter tx_packets)))
}

# Starts one recorder in the rx namespace on CPU 1 under /usr/bin/time.
start_recorder() {
    local name=$1 file=$2
    local -a command
    case $name in
    tcpdump) command=(tcpdump -i "$veth_rx" -w "$file" -Z root) ;;
    recorder) command=("$helper" record --interface "$veth_rx" --output "$file") ;;
    netsniff-ng) command=(netsniff-ng --in "$veth_rx" --out "$file" --silent) ;;
    esac
    /usr/bin/time -f "%U %S" -o "$work/time" \
        ip netns exec "$ns_rx" taskset -c 1 "${command[@]}" \
        >"$work/stdout" 2>"$work/stderr" &
    time_pid=$!
    pids+=("$time_pid")
    # /usr/bin/time forks the recorder; wait until it runs and settles.
    local i
    for i in $(seq 50); do
        recorder_pid=$(pgrep -P "$time_pid" || true)
        [[ -n $recorder_pid ]] && break
        sleep 0.1
    done
    [[ -n $recorder_pid ]] || die "$name did not start: $(cat "$work/stderr")"
    sleep 1.5
}

# utime + stime of the recorder so far, in seconds.
cpu_seconds() {
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' \
        "/proc/$recorder_pid/stat" 2>/dev/null || echo 0
}

stop_recorder() {
    kill -INT "$recorder_pid" 2>/dev/null || true
    wait "$time_pid" || true
    pids=()
}

# The recorder's own drop report.
reported_drops() {
    local name=$1
    case $name in
    tcpdump) sed -n 's/^\([0-9]*\) packets\{0,1\} dropped by kernel.*/\1/p' "$work/stderr" ;;
    recorder) sed -n 's/.*"kernel_drops":\([0-9]*\).*/\1/p' "$work/stdout" ;;
    netsniff-ng)
        # "N packets failed filter (out of space)" are ring overruns.
        sed -n 's/^ *\([0-9]*\) *packets failed filter (out of space).*/\1/p' \
            "$work/stdout" "$work/stderr" | head -1
        ;;
    esac
}

run_traffic() {
    local scenario=$1
    case $scenario in
    trafgen64)
        ip netns exec "$ns_tx" taskset -c 0 trafgen --dev "$veth_tx" --conf "$trafgen_conf" \
            --cpus 1 -n "$trafgen_packets" >"$work/trafgen.log" 2>&1
        ;;
    iperf*)
        local rate seconds=$iperf_seconds
        case $scenario in
        iperf5g) rate=(-b 5G) ;;
        iperf8g) rate=(-b 8G) ;;
        iperfmax)
            rate=()
            seconds=$max_seconds
            ;;
        esac
        ip netns exec "$ns_rx" taskset -c 0 iperf3 -s -1 -B "$addr_rx" >/dev/null 2>&1 &
        local server=$!
        sleep 0.3
        ip netns exec "$ns_tx" taskset -c 0 iperf3 -c "$addr_rx" -t "$seconds" "${rate[@]}" \
            -J >"$work/iperf.json" 2>&1 || true
        wait "$server" || true
        ;;
    esac
}

declare -A cpu_per_mpkt drop_fraction
rows=()

measure() {
    local scenario=$1 name=$2
    local file=$out/$name.pcap
    rm -f "$file"
    start_recorder "$name" "$file"
    local before after started finished
    before=$(offered_now)
    started=$(date +%s.%N)
    local cpu_before cpu_after
    cpu_before=$(cpu_seconds)
    run_traffic "$scenario"
    finished=$(date +%s.%N)
    after=$(offered_now)
    # Let the recorder drain what is still in its buffer before reading its
    # CPU time: the load window excludes start-up (ring allocation) and exit.
    sleep 1
    cpu_after=$(cpu_seconds)
    stop_recorder

    local offered=$((after - before))
    local captured
    captured=$(capinfos -c -M "$file" 2>/dev/null | sed -n 's/^Number of packets: *//p')
    captured=${captured:-0}
    local bytes
    bytes=$(stat -c %s "$file" 2>/dev/null || echo 0)
    rm -f "$file"
    local reported
    reported=$(reported_drops "$name")
    reported=${reported:-?}
    local missing=$((offered > captured ? offered - captured : 0))
    local cpu total_cpu
    cpu=$(awk -v a="$cpu_before" -v b="$cpu_after" 'BEGIN { printf "%.2f", b - a }')
    total_cpu=$(awk '{ print $1 + $2 }' "$work/time" 2>/dev/null | tail -1)
    local seconds
    seconds=$(awk -v a="$started" -v b="$finished" 'BEGIN { print b - a }')
    local cpu_mpkt mbps fraction
    cpu_mpkt=$(awk -v c="$cpu" -v p="$captured" 'BEGIN { printf "%.3f", (p > 0 ? c / (p / 1e6) : 0) }')
    mbps=$(awk -v b="$bytes" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? b / s / 1e6 : 0) }')
    fraction=$(awk -v m="$missing" -v o="$offered" 'BEGIN { printf "%.4f", (o > 0 ? m / o : 0) }')
    cpu_per_mpkt[$scenario/$name]=$cpu_mpkt
    drop_fraction[$scenario/$name]=$fraction
    local rate=""
    if [[ $scenario == iperf* && -s $work/iperf.json ]]; then
        rate=$(sed -n 's/.*"bits_per_second":[[:space:]]*\([0-9.e+]*\).*/\1/p' "$work/iperf.json" |
            tail -1 | awk '{ printf "%.1f Gbit/s", $1 / 1e9 }')
    fi
    rows+=("$scenario|$name|$offered|$captured|$reported|$missing|$fraction|$cpu|$total_cpu|$cpu_mpkt|$mbps|$rate")
    echo "  $scenario $name: offered $offered captured $captured dropped $reported" \
        "missing $missing cpu ${cpu}s (total ${total_cpu}s, $cpu_mpkt s/Mpkt) ${mbps} MB/s $rate" >&2
}

echo "kernel $(uname -r), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)" >&2
for scenario in $scenarios; do
    for name in $recorders; do
        measure "$scenario" "$name"
    done
done

printf '\n| scenario | recorder | offered | captured | dropped (own report) | offered - captured | loss | CPU s under load | CPU s whole run | CPU s / Mpkt | MB/s written | load | CPU vs tcpdump | loss vs tcpdump |\n'
printf '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n'
for row in "${rows[@]}"; do
    IFS='|' read -r scenario name offered captured reported missing fraction cpu total_cpu cpu_mpkt mbps rate <<<"$row"
    ratio_cpu=- ratio_loss=-
    base_cpu=${cpu_per_mpkt[$scenario/tcpdump]:-}
    base_loss=${drop_fraction[$scenario/tcpdump]:-}
    if [[ $name != tcpdump && -n $base_cpu ]]; then
        ratio_cpu=$(awk -v a="$cpu_mpkt" -v b="$base_cpu" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "-" }')
        ratio_loss=$(awk -v a="$fraction" -v b="$base_loss" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf (a > 0 ? "worse" : "both 0") }')
    fi
    printf '| %s | %s | %s | %s | %s | %s | %.2f%% | %s | %s | %s | %s | %s | %s | %s |\n' \
        "$scenario" "$name" "$offered" "$captured" "$reported" "$missing" \
        "$(awk -v f="$fraction" 'BEGIN { print f * 100 }')" "$cpu" "$total_cpu" "$cpu_mpkt" "$mbps" \
        "${rate:--}" \
        "$ratio_cpu" "$ratio_loss"
done
