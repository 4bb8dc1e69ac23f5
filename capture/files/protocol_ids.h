#pragma once

// The protocols the frame decoder recognises, as stable identifiers: what a
// frame is made of, apart from the texts the GUI shows for it. Each one is
// spelled as Wireshark's display-filter name for the protocol ("eth", "ip",
// "tcp"), the names `tshark -z io,phs` prints, so totals can be held against
// tshark's and scripts can rely on them.

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace pr {

enum class Protocol : std::uint8_t
{
    Ethernet,
    LinuxSll, // Linux cooked capture, v1 and v2 (Wireshark names both "sll")
    RawIp,    // LINKTYPE_RAW: the frame starts with the IP header
    Vlan,     // 802.1Q tag (TPID 0x8100, and 0x9100 as Wireshark takes it)
    Ieee8021ad,
    Arp,
    Ipv4,
    Ipv6,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
    Dns,
    Mdns,
    Count,
};

inline constexpr std::array<std::string_view, std::size_t(Protocol::Count)> kProtocolIds = {
    "eth",  "sll", "raw", "vlan", "ieee8021ad", "arp", "ip",
    "ipv6", "tcp", "udp", "icmp", "icmpv6",     "dns", "mdns",
};

constexpr std::string_view protocolId(Protocol protocol)
{
    return kProtocolIds[std::size_t(protocol)];
}

constexpr std::optional<Protocol> protocolFromId(std::string_view id)
{
    for (std::size_t i = 0; i < kProtocolIds.size(); ++i)
        if (kProtocolIds[i] == id)
            return Protocol(i);
    return std::nullopt;
}

// The protocols of one frame, outermost first: eth, vlan, ip, udp, dns.
// Fixed size, so decoding a frame allocates nothing for it.
class ProtocolPath
{
public:
    // Eight VLAN tags (the decoder's limit) under a link layer, an IP
    // layer, a transport and an application fit.
    static constexpr int kMaxDepth = 16;

    void append(Protocol protocol)
    {
        if (m_size < kMaxDepth)
            m_ids[m_size++] = protocol;
    }
    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    Protocol at(int index) const { return m_ids[std::size_t(index)]; }
    const Protocol* begin() const { return m_ids.data(); }
    const Protocol* end() const { return m_ids.data() + m_size; }
    bool contains(Protocol protocol) const
    {
        for (Protocol p : *this)
            if (p == protocol)
                return true;
        return false;
    }

    bool operator==(const ProtocolPath& other) const
    {
        if (m_size != other.m_size)
            return false;
        for (int i = 0; i < m_size; ++i)
            if (m_ids[std::size_t(i)] != other.m_ids[std::size_t(i)])
                return false;
        return true;
    }

private:
    std::array<Protocol, kMaxDepth> m_ids{};
    int m_size = 0;
};

} // namespace pr
