#include "capture/engine/frame_as_written.h"

#include <algorithm>
#include <cstring>

namespace pr {

namespace {

void putBigEndian16(std::uint8_t* out, std::uint16_t value)
{
    out[0] = static_cast<std::uint8_t>(value >> 8);
    out[1] = static_cast<std::uint8_t>(value);
}

void putBigEndian32(std::uint8_t* out, std::uint32_t value)
{
    out[0] = static_cast<std::uint8_t>(value >> 24);
    out[1] = static_cast<std::uint8_t>(value >> 16);
    out[2] = static_cast<std::uint8_t>(value >> 8);
    out[3] = static_cast<std::uint8_t>(value);
}

// LINKTYPE_LINUX_SLL2 header, all fields big-endian: protocol type, reserved,
// interface index, ARPHRD_ type, packet type, address length, 8 address
// bytes. The protocol is the packet's EtherType (the tag is not put back).
void fillSll2Header(std::uint8_t* out, const PacketView& packet)
{
    putBigEndian16(out, packet.protocol);
    putBigEndian16(out + 2, 0);
    putBigEndian32(out + 4, static_cast<std::uint32_t>(packet.ifindex));
    putBigEndian16(out + 8, packet.hatype);
    out[10] = packet.packetType;
    out[11] = packet.addressLength;
    std::memcpy(out + 12, packet.address, 8);
}

} // namespace

std::uint32_t FrameAsWritten::copyTo(std::uint8_t* out, std::uint32_t max) const
{
    std::uint32_t copied = 0;
    auto copy = [&](const std::uint8_t* bytes, std::uint32_t length) {
        length = std::min(length, max - copied);
        std::memcpy(out + copied, bytes, length);
        copied += length;
    };
    copy(linkHeader, linkHeaderLength);
    for (int i = 0; i < pieces.count; ++i)
        copy(pieces.data[i], pieces.length[i]);
    return copied;
}

FrameAsWritten frameAsWrittenCooked(const PacketView& packet, std::uint32_t snaplen)
{
    FrameAsWritten frame;
    fillSll2Header(frame.linkHeader, packet);
    frame.linkHeaderLength = kSll2HeaderBytes;
    const std::uint32_t offset = std::min<std::uint32_t>(packet.networkOffset, packet.dataLength);
    const std::uint32_t dataLimit = snaplen > kSll2HeaderBytes ? snaplen - kSll2HeaderBytes : 0;
    frame.pieces.add(packet.data + offset, packet.dataLength - offset, dataLimit);
    const std::uint32_t originalData =
        packet.originalLength > offset ? packet.originalLength - offset : 0;
    frame.capturedLength = kSll2HeaderBytes + frame.pieces.capturedLength;
    frame.wireLength = std::max(kSll2HeaderBytes + originalData, frame.capturedLength);
    return frame;
}

} // namespace pr
