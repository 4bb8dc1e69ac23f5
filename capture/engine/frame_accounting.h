#pragma once

#include "capture/engine/capture_totals.h"
#include "capture/engine/packet_view.h"

#include <cstdint>

namespace pr {

struct L4Payload
{
    std::uint64_t tcp = 0;
    std::uint64_t udp = 0;
};

// TCP/UDP payload length of one frame, from the IPv4/IPv6 and L4 header length
// fields (never from the captured length, so snaplen-cut frames still count in
// full). Parses from the network header at networkOffset, whose EtherType is
// `protocol` (VLAN tags in the data are skipped). Non-IP frames, fragments other
// than the first, and headers that are themselves cut short count zero.
L4Payload l4PayloadOf(const std::uint8_t* network, std::uint32_t available, std::uint16_t etherType,
                      std::uint32_t originalNetworkLength);

// Adds one packet to the running totals (packets, bytes, direction, payload).
void accountPacket(const PacketView& packet, CaptureTotals& totals);

} // namespace pr
