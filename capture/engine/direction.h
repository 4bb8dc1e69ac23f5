#pragma once

#include <cstdint>

namespace pr {

// Which way a packet went, relative to the host that recorded it: the one
// type the helper, the protocol, the file library and the GUI share.
// The helper takes it from sockaddr_ll's sll_pkttype; loopback packets are
// always Incoming, as the PACKET_OUTGOING copy the kernel also shows on lo is
// dropped (libpcap does the same). A file says it in a pcapng packet's flags
// word, or not at all (pcap, pcapng without flags): Unknown. The protocol
// never carries Unknown (its decoder refuses values above OtherHost).
enum class Direction : std::uint8_t
{
    Incoming = 0,  // PACKET_HOST, PACKET_BROADCAST, PACKET_MULTICAST
    Outgoing = 1,  // PACKET_OUTGOING
    OtherHost = 2, // PACKET_OTHERHOST (seen only in promiscuous mode)
    Unknown = 3,   // a file that does not say
};

} // namespace pr
