#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>

namespace pr {

// The two transports attribution knows; the values are the IP protocol numbers.
enum class Transport : std::uint8_t
{
    Tcp = 6,
    Udp = 17
};

// An IPv4 or IPv6 address in one form: IPv4 as IPv4-mapped IPv6
// (::ffff:a.b.c.d). The kernel reports a dual-stack socket's IPv4 peers that
// way, so a packet's IPv4 address and such a socket compare equal without a
// second lookup.
struct IpAddress
{
    std::array<std::uint8_t, 16> bytes{};

    static IpAddress fromIpv4(const std::uint8_t (&a)[4])
    {
        IpAddress address;
        address.bytes[10] = 0xff;
        address.bytes[11] = 0xff;
        std::memcpy(address.bytes.data() + 12, a, 4);
        return address;
    }
    static IpAddress fromIpv6(const std::uint8_t (&a)[16])
    {
        IpAddress address;
        std::memcpy(address.bytes.data(), a, 16);
        return address;
    }
    // Dotted IPv4 or IPv6 text; false (address untouched) when it is neither.
    static bool parse(const std::string& text, IpAddress* address);

    bool isIpv4() const
    {
        static constexpr std::uint8_t prefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
        return std::memcmp(bytes.data(), prefix, 12) == 0;
    }
    // 0.0.0.0 or ::, what an unbound or INADDR_ANY socket reports.
    bool isWildcard() const;
    bool isLoopback() const;
    std::string toString() const;

    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

// The wildcard of the same family as `address` (0.0.0.0 for IPv4, :: for IPv6).
IpAddress wildcardFor(const IpAddress& address);

struct Endpoint
{
    IpAddress address;
    std::uint16_t port = 0; // host order

    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

// One packet's addresses as captured: source sent it, destination receives it.
struct FlowKey
{
    Transport transport = Transport::Tcp;
    Endpoint source;
    Endpoint destination;

    friend bool operator==(const FlowKey&, const FlowKey&) = default;
};

// 64-bit mix of the words of an endpoint pair; shared by the socket indexes
// and the flow cache.
std::size_t hashEndpoints(Transport transport, const Endpoint& a, const Endpoint& b);

} // namespace pr
