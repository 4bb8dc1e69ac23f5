#!/usr/bin/env bash
# Cost of a VLAN capture filter, which runs in user space (see
# capture/engine/bpf_filter.h), against no filter and a filter the kernel
# runs. trafgen floods 60-byte 802.1Q frames (VLAN 77, UDP) into one end of a
# veth pair; the helper records the other end, pinned to CPU 1, trafgen to
# CPU 0. Prints, per filter: frames offered, recorded, packets/s over the
# flood and the helper's CPU seconds (utime+stime) per million packets.
#
# Usage (root): bench/vlan_filter_benchmark.sh [helper-binary]
# Environment: PACKETS (default 2000000), REPEATS (default 3),
#   FILTERS (default: "", "udp", "vlan 77", "vlan and udp"; "|"-separated).
set -euo pipefail

helper=$(realpath "${1:-build-bench/app/packet-recorder-helper}")
packets=${PACKETS:-2000000}
repeats=${REPEATS:-3}
IFS='|' read -r -a filters <<<"${FILTERS:-|udp|vlan 77|vlan and udp}"
[[ $(id -u) -eq 0 ]] || { echo "must run as root" >&2; exit 1; }

tag=$$
ns_tx=prv_tx_$tag ns_rx=prv_rx_$tag veth_tx=prvt$tag veth_rx=prvr$tag
work=$(mktemp -d /tmp/pr-vlan-bench.XXXXXX)
cleanup() {
    ip netns del "$ns_tx" 2>/dev/null || true
    ip netns del "$ns_rx" 2>/dev/null || true
    umount "$work/out" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns_tx"
ip netns add "$ns_rx"
ip link add "$veth_tx" netns "$ns_tx" type veth peer name "$veth_rx" netns "$ns_rx"
for ns in "$ns_tx" "$ns_rx"; do
    ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
done
ip -n "$ns_tx" link set "$veth_tx" up
ip -n "$ns_rx" link set "$veth_rx" up
mkdir "$work/out"
mount -t tmpfs -o size=1g tmpfs "$work/out"
mac_rx=$(ip -n "$ns_rx" -br link show "$veth_rx" | awk '{print $3}')
cat >"$work/flood.cfg" <<CFG
{ eth(da=$mac_rx), vlan(tpid=0x8100, id=77), ipv4(saddr=198.18.0.1, daddr=198.18.0.2), udp(sp=4000, dp=4001), fill(0x41, 14) }
CFG

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
rx_packets() { ip netns exec "$ns_rx" cat "/sys/class/net/$veth_rx/statistics/rx_packets"; }
hz=$(getconf CLK_TCK)

printf '| filter | run | offered | recorded | packets/s | CPU s / Mpkt |\n|---|---:|---:|---:|---:|---:|\n'
for ((run = 1; run <= repeats; run++)); do
    for filter in "${filters[@]}"; do
        rm -f "$work/out/f.pcap"
        args=(record --interface "$veth_rx" --output "$work/out/f.pcap")
        [[ -n $filter ]] && args+=(--filter "$filter")
        ip netns exec "$ns_rx" taskset -c 1 "$helper" "${args[@]}" >"$work/summary.json" 2>"$work/err" &
        pid=$!
        for ((wait = 0; wait < 200; wait++)); do
            grep -q "recording on" "$work/err" 2>/dev/null && break
            sleep 0.1
        done
        grep -q "recording on" "$work/err" || { cat "$work/err" >&2; exit 1; }
        before=$(rx_packets)
        ticks0=$(cpu_ticks "$pid")
        start=$(date +%s.%N)
        ip netns exec "$ns_tx" taskset -c 0 trafgen --dev "$veth_tx" --conf "$work/flood.cfg" \
            --num "$packets" --cpus 1 >/dev/null 2>&1
        end=$(date +%s.%N)
        sleep 1
        ticks1=$(cpu_ticks "$pid")
        offered=$(($(rx_packets) - before))
        kill -INT "$pid"
        wait "$pid" || true
        recorded=$(jq -r .packets "$work/summary.json")
        awk -v f="${filter:-(none)}" -v r="$run" -v o="$offered" -v c="$recorded" \
            -v s="$start" -v e="$end" -v t=$((ticks1 - ticks0)) -v hz="$hz" 'BEGIN {
            printf "| %s | %d | %d | %d | %.0f | %.3f |\n", f, r, o, c, c / (e - s), t / hz / (c / 1e6)
        }'
    done
done
