#!/usr/bin/env bash
# Offers the same load to tcpdump, packet-recorder-helper and netsniff-ng in
# turn and prints one table: packets offered, captured, dropped, CPU seconds
# per million packets, MB/s written, and our CPU and drop ratio to tcpdump.
#
# Usage (root): bench/capture_benchmark.sh [helper-binary]
#   helper-binary defaults to build-bench/app/packet-recorder-helper
# Environment: TRAFGEN_PACKETS (default 3000000), IPERF_SECONDS (default 3),
#   MAX_SECONDS (iperf3 at maximum rate, default 3), RECORDERS (default
#   "tcpdump recorder netsniff-ng"; also recorder-ng, the helper writing
#   pcapng, and programs, the same with --programs), SCENARIOS (default "trafgen64 iperf5g
#   iperf8g iperfmax"), RECORDER_NICE (default -10), REPEATS (default 3).
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
trafgen_packets=${TRAFGEN_PACKETS:-3000000}
iperf_seconds=${IPERF_SECONDS:-3}
max_seconds=${MAX_SECONDS:-3}
recorders=${RECORDERS:-"tcpdump recorder netsniff-ng"}
scenarios=${SCENARIOS:-"trafgen64 iperf5g iperf8g iperfmax"}
# Every recorder runs at this nice value, so unrelated jobs on a shared
# machine do not decide the result; 0 measures under plain scheduling.
recorder_nice=${RECORDER_NICE:--10}
repeats=${REPEATS:-3}

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

source "$(dirname "$0")/veth_pair.sh"
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
    veth_pair_delete
    mountpoint -q "$out" && umount "$out"
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$out"
# Large enough for the longest run at maximum rate; each file is deleted
# as soon as it has been counted.
mount -t tmpfs -o size=12g,mode=0755 tmpfs "$out"

veth_pair_create "prb$$"

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
    # pcapng without and with program attribution: what --programs costs.
    recorder-ng) command=("$helper" record --interface "$veth_rx" --output "$file" --format pcapng) ;;
    programs)
        command=("$helper" record --interface "$veth_rx" --output "$file" --format pcapng --programs)
        ;;
    netsniff-ng) command=(netsniff-ng --in "$veth_rx" --out "$file" --silent) ;;
    esac
    /usr/bin/time -f "%U %S" -o "$work/time" \
        ip netns exec "$ns_rx" taskset -c 1 nice -n "$recorder_nice" "${command[@]}" \
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
    recorder | recorder-ng | programs) sed -n 's/.*"kernel_drops":\([0-9]*\).*/\1/p' "$work/stdout" ;;
    netsniff-ng)
        # "N packets failed filter (out of space)" are ring overruns.
        tr '\r' '\n' <"$work/stdout" | cat - "$work/stderr" |
            sed -n 's/^[^0-9]*\([0-9][0-9]*\) *packets failed filter (out of space).*/\1/p' |
            head -1
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

rows=()

measure() {
    local run=$1 scenario=$2 name=$3
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
    captured=$(capinfos -c -M "$file" 2>"$work/capinfos.err" | sed -n 's/^Number of packets: *//p')
    if [[ -z $captured ]]; then
        echo "  capinfos could not read the $name file: $(head -c 300 "$work/capinfos.err")" >&2
        captured=0
    fi
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
    local rate=""
    if [[ $scenario == iperf* && -s $work/iperf.json ]]; then
        rate=$(sed -n 's/.*"bits_per_second":[[:space:]]*\([0-9.e+]*\).*/\1/p' "$work/iperf.json" |
            tail -1 | awk '{ printf "%.1f Gbit/s", $1 / 1e9 }')
    fi
    rows+=("$run|$scenario|$name|$offered|$captured|$reported|$missing|$fraction|$cpu|$total_cpu|$cpu_mpkt|$mbps|$rate")
    echo "  run $run $scenario $name: offered $offered captured $captured dropped $reported" \
        "missing $missing cpu ${cpu}s (total ${total_cpu}s, $cpu_mpkt s/Mpkt) ${mbps} MB/s $rate" >&2
}

echo "kernel $(uname -r), $(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%MZ)," \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# Recorders take turns within each repetition, so a change in background
# load hits all of them alike; ratios pair runs of the same repetition. Even
# repetitions take them in reverse order, so none always runs right after
# another (into the memory it just freed).
for run in $(seq "$repeats"); do
    order=$recorders
    if ((run % 2 == 0)); then
        order=$(printf '%s\n' $recorders | tac | tr '\n' ' ')
    fi
    for scenario in $scenarios; do
        for name in $order; do
            measure "$run" "$scenario" "$name"
        done
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

# One line per run, then medians per scenario and recorder.
printf '%s\n' "${rows[@]}" | awk -F'|' '
function median(list,    n, values, i, j, t) {
    n = split(list, values, " ")
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && values[j - 1] + 0 > values[j] + 0; j--) {
            t = values[j]; values[j] = values[j - 1]; values[j - 1] = t
        }
    if (n == 0) return ""
    return n % 2 ? values[(n + 1) / 2] : (values[n / 2] + values[n / 2 + 1]) / 2
}
{
    run = $1; scenario = $2; name = $3
    key = scenario "|" name
    if (!(key in seen)) { seen[key] = 1; order[++count] = key }
    line[NR] = $0
    cpu[run "|" key] = $11; loss[run "|" key] = $8
    offered[key] += $4; captured[key] += $5; missing[key] += $7
    reported[key] = ($6 == "?" || reported[key] == "?") ? "?" : reported[key] + $6
    losses[key] = losses[key] " " $8; cpus[key] = cpus[key] " " $11; mbs[key] = mbs[key] " " $12
    loads[key] = loads[key] (loads[key] == "" ? "" : ", ") ($13 == "" ? "-" : $13)
}
END {
    print "\n### Every run\n"
    print "| run | scenario | recorder | offered | captured | dropped (own report) | offered - captured | loss | CPU s under load | CPU s whole run | CPU s / Mpkt | MB/s written | load | CPU vs tcpdump | loss vs tcpdump |"
    print "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    for (i = 1; i <= NR; i++) {
        split(line[i], f, "|")
        base = f[1] "|" f[2] "|tcpdump"
        rc = "-"; rl = "-"
        if (f[3] != "tcpdump" && (base in cpu)) {
            if (cpu[base] > 0) { rc = sprintf("%.2fx", f[11] / cpu[base]); ratios_cpu[f[2] "|" f[3]] = ratios_cpu[f[2] "|" f[3]] " " f[11] / cpu[base] }
            if (loss[base] > 0) { rl = sprintf("%.2fx", f[8] / loss[base]); ratios_loss[f[2] "|" f[3]] = ratios_loss[f[2] "|" f[3]] " " f[8] / loss[base] }
            else rl = f[8] > 0 ? "worse" : "both 0"
        }
        printf "| %s | %s | %s | %s | %s | %s | %s | %.2f%% | %s | %s | %s | %s | %s | %s | %s |\n", \
            f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8] * 100, f[9], f[10], f[11], f[12], \
            (f[13] == "" ? "-" : f[13]), rc, rl
    }
    print "\n### Medians over the runs (counts are sums)\n"
    print "| scenario | recorder | offered | captured | dropped (own report) | offered - captured | median loss | median CPU s / Mpkt | median MB/s | loads | median CPU vs tcpdump | median loss vs tcpdump |"
    print "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
    for (i = 1; i <= count; i++) {
        key = order[i]
        split(key, k, "|")
        rc = (key in ratios_cpu) ? sprintf("%.2fx", median(ratios_cpu[key])) : "-"
        rl = (key in ratios_loss) ? sprintf("%.2fx", median(ratios_loss[key])) : "-"
        printf "| %s | %s | %d | %d | %s | %d | %.2f%% | %.3f | %.0f | %s | %s | %s |\n", \
            k[1], k[2], offered[key], captured[key], reported[key], missing[key], \
            median(losses[key]) * 100, median(cpus[key]), median(mbs[key]), loads[key], rc, rl
    }
    # What --programs adds: each run of "programs" against the pcapng run
    # of the same repetition and scenario.
    for (i = 1; i <= NR; i++) {
        split(line[i], f, "|")
        base = f[1] "|" f[2] "|recorder-ng"
        if (f[3] == "programs" && (base in cpu) && cpu[base] > 0)
            attributed[f[2]] = attributed[f[2]] " " f[11] / cpu[base]
    }
    header = 0
    for (scenario in attributed) {
        if (!header++) {
            print "\n### CPU per packet with --programs, against pcapng without it\n"
            print "| scenario | per run | median |"
            print "|---|---|---:|"
        }
        printf "| %s | %s | %.3fx |\n", scenario, attributed[scenario], median(attributed[scenario])
    }
}'
