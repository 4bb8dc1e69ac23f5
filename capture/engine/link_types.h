#pragma once

#include <cstdint>

namespace pr {

// LINKTYPE_* values (the link type of a pcap file or a pcapng IDB) from the
// tcpdump.org link-layer header registry: the one place they are defined,
// for the engine, the helper and the GUI alike.
inline constexpr std::uint32_t kLinkTypeEthernet = 1;    // EN10MB
inline constexpr std::uint32_t kLinkTypeRaw = 101;       // raw IPv4/IPv6 (DLT_RAW is 12 or 14)
inline constexpr std::uint32_t kLinkTypeLinuxSll = 113;  // Linux "cooked" v1 (older "any" files)
inline constexpr std::uint32_t kLinkTypeLinuxSll2 = 276; // Linux "cooked" v2 (capture on "any")

} // namespace pr
