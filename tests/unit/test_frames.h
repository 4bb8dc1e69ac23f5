#pragma once

// Builders for crafted test frames. Every length field is computed from the
// parts actually put in, so a test states the payload it expects.

#include <QByteArray>
#include <QList>

#include <cstdint>

namespace pr::test {

inline void put16(QByteArray& out, int offset, std::uint16_t value)
{
    out[offset] = char(value >> 8);
    out[offset + 1] = char(value & 0xff);
}

inline QByteArray bytes16(std::uint16_t value)
{
    QByteArray out(2, 0);
    put16(out, 0, value);
    return out;
}

// Ethernet header (dst, src, then the tags and the type).
inline QByteArray ethernet(std::uint16_t etherType, const QByteArray& payload,
                           const QList<std::uint16_t>& tagTypes = {})
{
    QByteArray out = QByteArray::fromHex("020000000002020000000001");
    for (std::uint16_t tpid : tagTypes) {
        out += bytes16(tpid);
        out += bytes16(0x0064); // VLAN 100
    }
    out += bytes16(etherType);
    return out + payload;
}

inline QByteArray tcpHeader(int optionBytes = 0)
{
    QByteArray out(20 + optionBytes, 0);
    put16(out, 0, 40000);
    put16(out, 2, 5201);
    out[12] = char(((20 + optionBytes) / 4) << 4);
    out[13] = 0x18; // PSH ACK
    return out;
}

inline QByteArray udpHeader(int payloadLength)
{
    QByteArray out(8, 0);
    put16(out, 0, 40000);
    put16(out, 2, 5201);
    put16(out, 4, std::uint16_t(8 + payloadLength));
    return out;
}

// IPv4 header with optionBytes of options (a multiple of 4), then l4 and
// payloadLength zero bytes. fragment: the flags/fragment-offset field.
inline QByteArray ipv4(std::uint8_t protocol, const QByteArray& l4, int payloadLength,
                       int optionBytes = 0, std::uint16_t fragment = 0x4000)
{
    const int headerLength = 20 + optionBytes;
    QByteArray out(headerLength, 0);
    out[0] = char(0x40 | headerLength / 4);
    put16(out, 2, std::uint16_t(headerLength + l4.size() + payloadLength));
    put16(out, 6, fragment);
    out[8] = 64;
    out[9] = char(protocol);
    out.replace(12, 8, QByteArray::fromHex("c6120001c6120002")); // 198.18.0.1 -> .2
    return out + l4 + QByteArray(payloadLength, 0);
}

// An IPv6 extension header of the given kind and total length (multiple of 8).
inline QByteArray ipv6Extension(std::uint8_t next, int length)
{
    QByteArray out(length, 0);
    out[0] = char(next);
    out[1] = char(length / 8 - 1);
    return out;
}

inline QByteArray ipv6FragmentHeader(std::uint8_t next, std::uint16_t offsetField)
{
    QByteArray out(8, 0);
    out[0] = char(next);
    put16(out, 2, offsetField);
    return out;
}

inline QByteArray ipv6(std::uint8_t firstNext, const QByteArray& extensions, const QByteArray& l4,
                       int payloadLength)
{
    QByteArray out(40, 0);
    out[0] = 0x60;
    put16(out, 4, std::uint16_t(extensions.size() + l4.size() + payloadLength));
    out[6] = char(firstNext);
    out[7] = 64;
    out.replace(8, 16, QByteArray::fromHex("fd000000000000000000000000000001"));
    out.replace(24, 16, QByteArray::fromHex("fd000000000000000000000000000002"));
    return out + extensions + l4 + QByteArray(payloadLength, 0);
}

} // namespace pr::test
