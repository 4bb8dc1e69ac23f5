# Sourced by the benchmarks: two network namespaces joined by a veth pair,
# the sender's end 198.18.0.1/30 and the receiver's 198.18.0.2/30, both up
# (with lo) before veth_pair_create returns.
#
#   veth_pair_create TAG  sets ns_tx, ns_rx, veth_tx, veth_rx (named after
#                         TAG: at most 14 characters, as an interface name
#                         has at most 15), addr_tx, addr_rx, mac_tx and mac_rx.
#   veth_pair_delete      deletes both namespaces, and with them the pair;
#                         safe to call from a cleanup trap at any point.

veth_pair_create() {
    local tag=$1
    ns_tx=${tag}tx
    ns_rx=${tag}rx
    veth_tx=${tag}a
    veth_rx=${tag}b
    addr_tx=198.18.0.1
    addr_rx=198.18.0.2
    ip netns add "$ns_tx"
    ip netns add "$ns_rx"
    ip link add "$veth_tx" netns "$ns_tx" type veth peer name "$veth_rx" netns "$ns_rx"
    ip -n "$ns_tx" addr add "$addr_tx/30" dev "$veth_tx"
    ip -n "$ns_rx" addr add "$addr_rx/30" dev "$veth_rx"
    local ns
    for ns in "$ns_tx" "$ns_rx"; do ip -n "$ns" link set lo up; done
    ip -n "$ns_tx" link set "$veth_tx" up
    ip -n "$ns_rx" link set "$veth_rx" up
    local _
    for _ in $(seq 50); do
        [[ $(ip netns exec "$ns_rx" cat "/sys/class/net/$veth_rx/operstate") == up ]] && break
        sleep 0.1
    done
    mac_tx=$(ip netns exec "$ns_tx" cat "/sys/class/net/$veth_tx/address")
    mac_rx=$(ip netns exec "$ns_rx" cat "/sys/class/net/$veth_rx/address")
}

veth_pair_delete() {
    [[ -n ${ns_tx-} ]] && ip netns del "$ns_tx" 2>/dev/null
    [[ -n ${ns_rx-} ]] && ip netns del "$ns_rx" 2>/dev/null
    return 0
}
