#include "capture/attribution/packet_flow_key.h"

namespace pr {

namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86dd;
constexpr int kMaxVlanTags = 4;
constexpr int kMaxIpv6ExtensionHeaders = 8;

std::uint16_t load16(const std::uint8_t* bytes)
{
    return static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
}

bool isVlan(std::uint16_t type)
{
    return type == 0x8100 || type == 0x88a8 || type == 0x9100;
}

bool portsAt(std::uint8_t protocol, const std::uint8_t* l4, std::uint32_t available, FlowKey* key)
{
    if (protocol != 6 && protocol != 17)
        return false;
    if (available < 4)
        return false;
    key->transport = protocol == 6 ? Transport::Tcp : Transport::Udp;
    key->source.port = load16(l4);
    key->destination.port = load16(l4 + 2);
    return true;
}

bool fromIpv4(const std::uint8_t* ip, std::uint32_t available, FlowKey* key)
{
    if (available < 20 || (ip[0] >> 4) != 4)
        return false;
    const std::uint32_t headerLength = (ip[0] & 0x0f) * 4u;
    if (headerLength < 20 || available < headerLength)
        return false;
    if ((load16(ip + 6) & 0x1fff) != 0) // a later fragment has no ports
        return false;
    key->source.address = IpAddress::fromIpv4(*reinterpret_cast<const std::uint8_t(*)[4]>(ip + 12));
    key->destination.address =
        IpAddress::fromIpv4(*reinterpret_cast<const std::uint8_t(*)[4]>(ip + 16));
    return portsAt(ip[9], ip + headerLength, available - headerLength, key);
}

bool fromIpv6(const std::uint8_t* ip, std::uint32_t available, FlowKey* key)
{
    if (available < 40 || (ip[0] >> 4) != 6)
        return false;
    key->source.address = IpAddress::fromIpv6(*reinterpret_cast<const std::uint8_t(*)[16]>(ip + 8));
    key->destination.address =
        IpAddress::fromIpv6(*reinterpret_cast<const std::uint8_t(*)[16]>(ip + 24));
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
                return false;
            length = (ip[offset + 1] + 1u) * 8;
            break;
        case 44: // fragment: only the first one has the ports
            if (available < offset + 8 || (load16(ip + offset + 2) & 0xfff8) != 0)
                return false;
            length = 8;
            break;
        default:
            return portsAt(next, ip + offset, available - offset, key);
        }
        next = ip[offset];
        offset += length;
        if (offset > available)
            return false;
    }
    return false;
}

} // namespace

bool flowKeyOf(const PacketView& packet, FlowKey* key)
{
    if (packet.data == nullptr || packet.networkOffset >= packet.dataLength)
        return false;
    const std::uint8_t* network = packet.data + packet.networkOffset;
    std::uint32_t available = packet.dataLength - packet.networkOffset;
    std::uint16_t etherType = packet.protocol;
    // A tag left in the data: the network header points at its TCI.
    for (int i = 0; i < kMaxVlanTags && isVlan(etherType); ++i) {
        if (available < 4)
            return false;
        etherType = load16(network + 2);
        network += 4;
        available -= 4;
    }
    // Raw IP devices may give no protocol: the version says.
    if (etherType == 0 && available > 0)
        etherType = (network[0] >> 4) == 4 ? kEtherTypeIpv4 : kEtherTypeIpv6;
    if (etherType == kEtherTypeIpv4)
        return fromIpv4(network, available, key);
    if (etherType == kEtherTypeIpv6)
        return fromIpv6(network, available, key);
    return false;
}

} // namespace pr
