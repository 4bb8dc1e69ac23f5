#pragma once

// Builds frames byte by byte for the decoder and model tests, so each test
// states its packet in terms of fields rather than hex blobs.

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace pr::test {

inline void put16(QByteArray& b, quint16 v)
{
    b.append(char(v >> 8));
    b.append(char(v & 0xff));
}

inline void put32(QByteArray& b, quint32 v)
{
    put16(b, quint16(v >> 16));
    put16(b, quint16(v & 0xffff));
}

inline QByteArray mac(const char* text)
{
    return QByteArray::fromHex(QByteArray(text).replace(':', ""));
}

inline QByteArray ip4(const char* text)
{
    QByteArray b;
    put32(b, QHostAddress(QString::fromLatin1(text)).toIPv4Address());
    return b;
}

inline QByteArray ip6(const char* text)
{
    const Q_IPV6ADDR a = QHostAddress(QString::fromLatin1(text)).toIPv6Address();
    return QByteArray(reinterpret_cast<const char*>(a.c), 16);
}

inline QByteArray ethernet(const char* destination, const char* source, quint16 type,
                           const QByteArray& payload)
{
    QByteArray b = mac(destination) + mac(source);
    put16(b, type);
    return b + payload;
}

inline QByteArray vlanTag(quint16 tci, quint16 innerType)
{
    QByteArray b;
    put16(b, tci);
    put16(b, innerType);
    return b;
}

inline QByteArray ipv4(const char* source, const char* destination, quint8 protocol,
                       const QByteArray& payload, quint16 flagsFragment = 0x4000,
                       const QByteArray& options = {}, quint8 ttl = 64, quint16 id = 0x1234)
{
    QByteArray b;
    b.append(char(0x40 | ((20 + options.size()) / 4)));
    b.append(char(0));
    put16(b, quint16(20 + options.size() + payload.size()));
    put16(b, id);
    put16(b, flagsFragment);
    b.append(char(ttl));
    b.append(char(protocol));
    put16(b, 0);
    b += ip4(source) + ip4(destination) + options;
    return b + payload;
}

inline QByteArray ipv6(const char* source, const char* destination, quint8 next,
                       const QByteArray& payload, quint8 hopLimit = 64)
{
    QByteArray b;
    put32(b, 0x60000000);
    put16(b, quint16(payload.size()));
    b.append(char(next));
    b.append(char(hopLimit));
    return b + ip6(source) + ip6(destination) + payload;
}

inline QByteArray tcp(quint16 sourcePort, quint16 destinationPort, quint32 seq, quint32 ack,
                      quint16 flags, quint16 window, const QByteArray& payload = {},
                      const QByteArray& options = {})
{
    QByteArray b;
    put16(b, sourcePort);
    put16(b, destinationPort);
    put32(b, seq);
    put32(b, ack);
    put16(b, quint16(((20 + options.size()) / 4) << 12 | flags));
    put16(b, window);
    put32(b, 0);
    return b + options + payload;
}

inline QByteArray udp(quint16 sourcePort, quint16 destinationPort, const QByteArray& payload)
{
    QByteArray b;
    put16(b, sourcePort);
    put16(b, destinationPort);
    put16(b, quint16(8 + payload.size()));
    put16(b, 0);
    return b + payload;
}

inline QByteArray icmpEcho(quint8 type, quint16 id, quint16 seq, int dataBytes = 16)
{
    QByteArray b;
    b.append(char(type));
    b.append(char(0));
    put16(b, 0);
    put16(b, id);
    put16(b, seq);
    return b + QByteArray(dataBytes, 'x');
}

inline QByteArray dnsName(const QByteArray& dotted)
{
    QByteArray b;
    for (const QByteArray& label : dotted.split('.')) {
        b.append(char(label.size()));
        b += label;
    }
    b.append(char(0));
    return b;
}

inline QByteArray dnsQuery(quint16 id, const QByteArray& name, quint16 type)
{
    QByteArray b;
    put16(b, id);
    put16(b, 0x0100);
    put16(b, 1);
    put16(b, 0);
    put16(b, 0);
    put16(b, 0);
    b += dnsName(name);
    put16(b, type);
    put16(b, 1);
    return b;
}

// A response to dnsQuery() with one A record whose name points back at the question.
inline QByteArray dnsResponseA(quint16 id, const QByteArray& name, const char* address)
{
    QByteArray b;
    put16(b, id);
    put16(b, 0x8180);
    put16(b, 1);
    put16(b, 1);
    put16(b, 0);
    put16(b, 0);
    b += dnsName(name);
    put16(b, 1);
    put16(b, 1);
    put16(b, 0xc00c);
    put16(b, 1);
    put16(b, 1);
    put32(b, 300);
    put16(b, 4);
    return b + ip4(address);
}

inline QByteArray sll2(quint16 protocol, quint32 ifindex, quint8 packetType, const char* address,
                       const QByteArray& payload)
{
    QByteArray b;
    put16(b, protocol);
    put16(b, 0);
    put32(b, ifindex);
    put16(b, 1);
    b.append(char(packetType));
    b.append(char(6));
    b += mac(address) + QByteArray(2, '\0');
    return b + payload;
}

inline QByteArray sll(quint16 protocol, quint16 packetType, const char* address,
                      const QByteArray& payload)
{
    QByteArray b;
    put16(b, packetType);
    put16(b, 1); // ARPHRD_ETHER
    put16(b, 6);
    b += mac(address) + QByteArray(2, '\0');
    put16(b, protocol);
    return b + payload;
}

inline QByteArray arp(quint16 opcode, const char* senderMac, const char* senderIp,
                      const char* targetMac, const char* targetIp)
{
    QByteArray b;
    put16(b, 1);
    put16(b, 0x0800);
    b.append(char(6));
    b.append(char(4));
    put16(b, opcode);
    return b + mac(senderMac) + ip4(senderIp) + mac(targetMac) + ip4(targetIp);
}

} // namespace pr::test
