#pragma once

// Whole pcapng blocks as both writers write them: the section header (with
// shb_userappl "Packet Recorder"), an interface with nanosecond timestamps
// (if_tsresol 9), and, for writers off the capture path, a packet. Each is
// appended to a byte vector in host byte order.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace pr::pcapng {

// One section, its length not given.
void appendSectionHeader(std::vector<std::uint8_t>& out);

// if_name when `name` is not empty, cut to kMaxInterfaceNameLength bytes;
// if_description when `description` is not empty.
void appendInterfaceDescription(std::vector<std::uint8_t>& out, std::uint16_t linkType,
                                std::uint32_t snaplen, std::string_view name = {},
                                std::string_view description = {});

struct EnhancedPacket
{
    std::uint32_t interfaceId = 0; // the IDB's number, from 0 in file order
    std::uint64_t timestampNs = 0;
    std::uint32_t originalLength = 0;
    std::span<const std::uint8_t> data; // the captured bytes
    std::optional<std::uint32_t> flags; // epb_flags
    // An opt_comment each, in this order, before epb_flags (as the capture
    // program writes a packet's programs).
    std::span<const std::string_view> comments;
};

void appendEnhancedPacket(std::vector<std::uint8_t>& out, const EnhancedPacket& packet);

} // namespace pr::pcapng
