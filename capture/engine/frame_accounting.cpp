#include "capture/engine/frame_accounting.h"

namespace pr {

namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;
constexpr std::uint16_t kEtherTypeVlan = 0x8100;
constexpr std::uint16_t kEtherTypeQinQ = 0x88a8;
constexpr std::uint16_t kEtherTypeQinQOld = 0x9100;
constexpr std::uint8_t kIpProtoTcp = 6;
constexpr std::uint8_t kIpProtoUdp = 17;
constexpr std::uint16_t kArphrdEther = 1;
constexpr std::uint16_t kArphrdLoopback = 772;
constexpr std::uint32_t kEthernetHeaderLength = 14;
constexpr int kMaxVlanTags = 4;
constexpr int kMaxIpv6ExtensionHeaders = 8;

inline std::uint16_t load16(const std::uint8_t* bytes)
{
    return static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
}

inline bool isVlanEtherType(std::uint16_t type)
{
    return type == kEtherTypeVlan || type == kEtherTypeQinQ || type == kEtherTypeQinQOld;
}

// l4Length: bytes from the L4 header to the end of the IP payload, per the IP
// header. The L4 header itself must be present in the captured bytes.
// Runs once per packet in the capture loop: the common path stays inlined.
[[gnu::always_inline]] inline L4Payload transportPayload(std::uint8_t protocol,
                                                         const std::uint8_t* l4,
                                                         std::uint32_t available,
                                                         std::uint64_t l4Length)
{
    L4Payload payload;
    if (protocol == kIpProtoTcp) {
        if (available < 13)
            return payload;
        const std::uint32_t headerLength = (l4[12] >> 4) * 4u;
        if (headerLength < 20 || l4Length < headerLength)
            return payload;
        payload.tcp = l4Length - headerLength;
    } else if (protocol == kIpProtoUdp) {
        if (available < 6)
            return payload;
        const std::uint16_t udpLength = load16(l4 + 4);
        // Zero: an IPv6 jumbogram or a GSO super-packet; the IP length holds.
        if (udpLength == 0)
            payload.udp = l4Length >= 8 ? l4Length - 8 : 0;
        else if (udpLength >= 8)
            payload.udp = udpLength - 8u;
    }
    return payload;
}

[[gnu::always_inline]] inline L4Payload ipv4Payload(const std::uint8_t* ip, std::uint32_t available,
                                                    std::uint32_t originalNetworkLength)
{
    if (available < 20 || (ip[0] >> 4) != 4)
        return {};
    const std::uint32_t headerLength = (ip[0] & 0x0f) * 4u;
    std::uint32_t totalLength = load16(ip + 2);
    // Zero total length: a TSO/BIG TCP super-packet larger than 64 KiB.
    if (totalLength == 0)
        totalLength = originalNetworkLength;
    if (originalNetworkLength != 0 && totalLength > originalNetworkLength)
        totalLength = originalNetworkLength;
    if (headerLength < 20 || totalLength < headerLength || available < headerLength)
        return {};
    if ((load16(ip + 6) & 0x1fff) != 0) // not the first fragment
        return {};
    return transportPayload(ip[9], ip + headerLength, available - headerLength,
                            totalLength - headerLength);
}

L4Payload ipv6Payload(const std::uint8_t* ip, std::uint32_t available,
                      std::uint32_t originalNetworkLength)
{
    if (available < 40 || (ip[0] >> 4) != 6)
        return {};
    std::uint32_t remaining = load16(ip + 4);
    // Zero payload length: a jumbogram or a BIG TCP super-packet.
    if (remaining == 0)
        remaining = originalNetworkLength > 40 ? originalNetworkLength - 40 : 0;
    else if (originalNetworkLength >= 40 && remaining > originalNetworkLength - 40)
        remaining = originalNetworkLength - 40; // as for IPv4: never more than the wire carried
    std::uint8_t next = ip[6];
    std::uint32_t offset = 40;
    for (int i = 0; i < kMaxIpv6ExtensionHeaders; ++i) {
        std::uint32_t length = 0;
        switch (next) {
        case 0:   // hop-by-hop options
        case 43:  // routing
        case 60:  // destination options
        case 135: // mobility
            if (available < offset + 2)
                return {};
            length = (ip[offset + 1] + 1u) * 8;
            break;
        case 44: // fragment
            if (available < offset + 8)
                return {};
            if ((load16(ip + offset + 2) & 0xfff8) != 0)
                return {};
            length = 8;
            break;
        case 51: // authentication header
            if (available < offset + 2)
                return {};
            length = (ip[offset + 1] + 2u) * 4;
            break;
        default:
            return transportPayload(next, ip + offset, available - offset, remaining);
        }
        if (length > remaining)
            return {};
        next = ip[offset];
        remaining -= length;
        offset += length;
        if (offset > available)
            return {};
    }
    return {};
}

[[gnu::always_inline]] inline L4Payload payloadAt(const std::uint8_t* network,
                                                  std::uint32_t available, std::uint16_t etherType,
                                                  std::uint32_t originalNetworkLength)
{
    if (network == nullptr)
        return {};
    // A tag left in the data: the network header points at its TCI.
    for (int i = 0; i < kMaxVlanTags && isVlanEtherType(etherType); ++i) {
        if (available < 4)
            return {};
        etherType = load16(network + 2);
        network += 4;
        available -= 4;
        originalNetworkLength = originalNetworkLength > 4 ? originalNetworkLength - 4 : 0;
    }
    // LINKTYPE_RAW-style frames may come without a protocol: the version says.
    if (etherType == 0 && available > 0) {
        const int version = network[0] >> 4;
        etherType = version == 4 ? kEtherTypeIpv4 : version == 6 ? kEtherTypeIpv6 : 0;
    }
    if (etherType == kEtherTypeIpv4)
        return ipv4Payload(network, available, originalNetworkLength);
    if (etherType == kEtherTypeIpv6)
        return ipv6Payload(network, available, originalNetworkLength);
    return {};
}

} // namespace

L4Payload l4PayloadOf(const std::uint8_t* network, std::uint32_t available, std::uint16_t etherType,
                      std::uint32_t originalNetworkLength)
{
    return payloadAt(network, available, etherType, originalNetworkLength);
}

void accountPacket(const PacketView& packet, CaptureTotals& totals)
{
    const std::uint32_t wire = packet.wireLength();
    ++totals.packets;
    totals.wireBytes += wire;
    totals.capturedBytes += packet.capturedLength();
    DirectionTotals& direction = packet.direction == Direction::Incoming   ? totals.incoming
                                 : packet.direction == Direction::Outgoing ? totals.outgoing
                                                                           : totals.other;
    ++direction.packets;
    direction.bytes += wire;

    const std::uint8_t* data = packet.data;
    const std::uint32_t length = packet.dataLength;
    std::uint32_t offset = packet.networkOffset;
    std::uint16_t etherType = packet.protocol;
    // On Ethernet (and lo, which carries a zeroed Ethernet header) read the
    // type from the frame itself: the kernel's protocol and network offset
    // differ between stripped tags and tags left in the data. A stripped tag
    // is not in data, so data[12] already holds the inner type.
    if ((packet.hatype == kArphrdEther || packet.hatype == kArphrdLoopback) &&
        offset >= kEthernetHeaderLength && length >= kEthernetHeaderLength) {
        offset = kEthernetHeaderLength - 2;
        etherType = load16(data + offset);
        offset += 2;
    }
    if (data == nullptr || offset > length)
        return;
    const std::uint32_t originalNetwork =
        packet.originalLength > offset ? packet.originalLength - offset : 0;
    const L4Payload payload = payloadAt(data + offset, length - offset, etherType, originalNetwork);
    totals.tcpPayloadBytes += payload.tcp;
    totals.udpPayloadBytes += payload.udp;
}

} // namespace pr
