#pragma once

// The pcapng format (draft-ietf-opsawg-pcapng) as this project writes it:
// block types, option codes, padding. Plain C++, no Qt: the capture program's
// writer (capture/engine) and the file library's (capture/files) share it.
// Values are written in host byte order; the SHB byte-order magic tells
// readers which one that is.

#include <cstddef>
#include <cstdint>

namespace pr::pcapng {

constexpr std::uint32_t kBlockSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kBlockInterfaceDescription = 0x00000001;
constexpr std::uint32_t kBlockInterfaceStatistics = 0x00000005;
constexpr std::uint32_t kBlockEnhancedPacket = 0x00000006;
constexpr std::uint32_t kByteOrderMagic = 0x1a2b3c4d;

// Options of every block.
constexpr std::uint16_t kOptEndOfOptions = 0;
constexpr std::uint16_t kOptComment = 1;
// Section Header Block.
constexpr std::uint16_t kOptShbUserApplication = 4;
// Interface Description Block.
constexpr std::uint16_t kOptIfName = 2;
constexpr std::uint16_t kOptIfDescription = 3;
constexpr std::uint16_t kOptIfTsresol = 9;
// Enhanced Packet Block.
constexpr std::uint16_t kOptEpbFlags = 2;
// Interface Statistics Block.
constexpr std::uint16_t kOptIsbStartTime = 2;
constexpr std::uint16_t kOptIsbEndTime = 3;
constexpr std::uint16_t kOptIsbIfRecv = 4;
constexpr std::uint16_t kOptIsbIfDrop = 5;

// An option's length field is 16 bits.
constexpr std::size_t kMaxOptionLength = 0xffff;
// if_name longer than this is cut (Linux names have 15 bytes).
constexpr std::size_t kMaxInterfaceNameLength = 64;

// Block bodies and option values are padded to 32 bits.
constexpr std::uint32_t padded(std::size_t length)
{
    return static_cast<std::uint32_t>((length + 3) & ~std::size_t(3));
}

} // namespace pr::pcapng
