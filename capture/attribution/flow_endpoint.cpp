#include "capture/attribution/flow_endpoint.h"

#include <arpa/inet.h>

namespace pr {

bool IpAddress::parse(const std::string& text, IpAddress* address)
{
    std::uint8_t v4[4];
    if (inet_pton(AF_INET, text.c_str(), v4) == 1) {
        *address = fromIpv4(v4);
        return true;
    }
    std::uint8_t v6[16];
    if (inet_pton(AF_INET6, text.c_str(), v6) == 1) {
        *address = fromIpv6(v6);
        return true;
    }
    return false;
}

bool IpAddress::isWildcard() const
{
    if (isIpv4())
        return bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0 && bytes[15] == 0;
    return *this == IpAddress{};
}

bool IpAddress::isLoopback() const
{
    if (isIpv4())
        return bytes[12] == 127;
    static constexpr std::uint8_t one[16] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    return std::memcmp(bytes.data(), one, 16) == 0;
}

std::string IpAddress::toString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    if (isIpv4())
        inet_ntop(AF_INET, bytes.data() + 12, text, sizeof(text));
    else
        inet_ntop(AF_INET6, bytes.data(), text, sizeof(text));
    return text;
}

IpAddress wildcardFor(const IpAddress& address)
{
    if (address.isIpv4()) {
        static constexpr std::uint8_t any[4] = {0, 0, 0, 0};
        return IpAddress::fromIpv4(any);
    }
    return IpAddress{};
}

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v)
{
    // splitmix64's finalizer over a running xor: cheap and spreads port bits.
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    return h;
}

std::uint64_t word(const IpAddress& address, std::size_t index)
{
    std::uint64_t w;
    std::memcpy(&w, address.bytes.data() + index * 8, 8);
    return w;
}

} // namespace

std::size_t hashEndpoints(Transport transport, const Endpoint& a, const Endpoint& b)
{
    std::uint64_t h = static_cast<std::uint64_t>(transport);
    h = mix(h, word(a.address, 0));
    h = mix(h, word(a.address, 1));
    h = mix(h, word(b.address, 0));
    h = mix(h, word(b.address, 1));
    h = mix(h, (std::uint64_t(a.port) << 16) | b.port);
    return static_cast<std::size_t>(h);
}

} // namespace pr
