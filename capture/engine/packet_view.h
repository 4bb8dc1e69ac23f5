#pragma once

#include "capture/engine/direction.h"

#include <cstdint>
#include <string_view>

namespace pr {

// One packet as it sits in the TPACKET_V3 ring, not copied. The frame the
// file receives is data[0, 12) + vlanTag (when hasVlanTag) + data[12, dataLength):
// the kernel strips the outer 802.1Q/802.1ad tag into tp_vlan_tci/tp_vlan_tpid
// and writers put it back so the file holds the frame as it was on the wire.
struct PacketView
{
    std::int64_t timestampNs = 0; // since the Unix epoch
    const std::uint8_t* data = nullptr;
    std::uint32_t dataLength = 0;     // bytes at data (snaplen-limited, tag excluded)
    std::uint32_t originalLength = 0; // on-wire length, tag excluded (tp_len)
    std::int32_t ifindex = 0;
    std::uint16_t networkOffset = 0; // start of the network header within data
    std::uint16_t protocol = 0;      // sll_protocol, host byte order (an EtherType)
    std::uint16_t hatype = 0;        // sll_hatype (ARPHRD_*)
    std::uint8_t packetType = 0;     // sll_pkttype (PACKET_*)
    std::uint8_t addressLength = 0;  // sll_halen
    std::uint8_t address[8] = {};    // sll_addr
    Direction direction = Direction::Incoming;
    bool hasVlanTag = false;
    std::uint8_t vlanTag[4] = {}; // TPID then TCI, network byte order
    // Which program's socket sent it and which one's receives it, when the
    // recording attributes packets (CaptureOptions::attribution): ids of
    // ProgramTotals (program_totals.h), kNoProgram when that end is not a
    // socket of this machine or not known. Filled before the packet is
    // written; notes are the pcapng comments for them ("proc=curl pid=42
    // user=alice"), empty when not to be written.
    std::uint32_t sourceProgram = 0;
    std::uint32_t destinationProgram = 0;
    std::string_view sourceNote;
    std::string_view destinationNote;

    // Lengths of the frame as written to the file (tag included).
    std::uint32_t capturedLength() const { return dataLength + (hasVlanTag ? 4u : 0u); }
    std::uint32_t wireLength() const { return originalLength + (hasVlanTag ? 4u : 0u); }
};

} // namespace pr
