// TCP, UDP, ICMP and ICMPv6 for the frame decoder.

#include "capture/files/frame_decoder_context.h"

namespace pr::decoder {

namespace {

const QString kArrow = QStringLiteral(" \u2192 ");

bool isDnsPort(int port)
{
    return port == 53 || port == 5353;
}

QString tcpFlagsText(quint16 flags)
{
    // Lowest bit first, as Wireshark lists them: "[SYN, ACK]", "[FIN, PSH, ACK]".
    static const char* const names[] = {"FIN", "SYN", "RST", "PSH", "ACK",
                                        "URG", "ECE", "CWR", "AE"};
    QStringList set;
    for (int bit = 0; bit < 9; ++bit)
        if (flags & (1u << bit))
            set << QLatin1String(names[bit]);
    return set.join(QLatin1String(", "));
}

QString tcpOptionName(quint8 kind)
{
    switch (kind) {
    case 0:
        return QStringLiteral("End of Option List (EOL)");
    case 1:
        return QStringLiteral("No-Operation (NOP)");
    case 2:
        return QStringLiteral("Maximum segment size");
    case 3:
        return QStringLiteral("Window scale");
    case 4:
        return QStringLiteral("SACK permitted");
    case 5:
        return QStringLiteral("SACK");
    case 8:
        return QStringLiteral("Timestamps");
    case 30:
        return QStringLiteral("Multipath TCP");
    case 34:
        return QStringLiteral("TCP Fast Open Cookie");
    default:
        return QStringLiteral("Unknown (%1)").arg(kind);
    }
}

QString icmpUnreachableCode(int code)
{
    switch (code) {
    case 0:
        return QStringLiteral("Network unreachable");
    case 1:
        return QStringLiteral("Host unreachable");
    case 2:
        return QStringLiteral("Protocol unreachable");
    case 3:
        return QStringLiteral("Port unreachable");
    case 4:
        return QStringLiteral("Fragmentation needed");
    case 5:
        return QStringLiteral("Source route failed");
    case 9:
        return QStringLiteral("Network administratively prohibited");
    case 10:
        return QStringLiteral("Host administratively prohibited");
    case 13:
        return QStringLiteral("Communication administratively filtered");
    default:
        return QStringLiteral("Code %1").arg(code);
    }
}

// Wireshark's names (packet-icmp.c); the code, when it matters, in brackets.
QString icmpTypeName(int type, int code)
{
    switch (type) {
    case 0:
        return QStringLiteral("Echo (ping) reply");
    case 3:
        return QStringLiteral("Destination unreachable (%1)").arg(icmpUnreachableCode(code));
    case 4:
        return QStringLiteral("Source quench (flow control)");
    case 5:
        return QStringLiteral("Redirect");
    case 8:
        return QStringLiteral("Echo (ping) request");
    case 9:
        return QStringLiteral("Router advertisement");
    case 10:
        return QStringLiteral("Router solicitation");
    case 11:
        return code == 0
                   ? QStringLiteral("Time-to-live exceeded (Time to live exceeded in transit)")
                   : QStringLiteral("Time-to-live exceeded (Fragment reassembly time exceeded)");
    case 12:
        return QStringLiteral("Parameter problem");
    case 13:
        return QStringLiteral("Timestamp request");
    case 14:
        return QStringLiteral("Timestamp reply");
    case 17:
        return QStringLiteral("Address mask request");
    case 18:
        return QStringLiteral("Address mask reply");
    default:
        return QStringLiteral("Unknown ICMP (type %1, code %2)").arg(type).arg(code);
    }
}

QString icmpv6TypeName(int type)
{
    switch (type) {
    case 1:
        return QStringLiteral("Destination Unreachable");
    case 2:
        return QStringLiteral("Packet Too Big");
    case 3:
        return QStringLiteral("Time Exceeded");
    case 4:
        return QStringLiteral("Parameter Problem");
    case 128:
        return QStringLiteral("Echo (ping) request");
    case 129:
        return QStringLiteral("Echo (ping) reply");
    case 130:
        return QStringLiteral("Multicast Listener Query");
    case 131:
        return QStringLiteral("Multicast Listener Report");
    case 132:
        return QStringLiteral("Multicast Listener Done");
    case 133:
        return QStringLiteral("Router Solicitation");
    case 134:
        return QStringLiteral("Router Advertisement");
    case 135:
        return QStringLiteral("Neighbor Solicitation");
    case 136:
        return QStringLiteral("Neighbor Advertisement");
    case 137:
        return QStringLiteral("Redirect");
    case 143:
        return QStringLiteral("Multicast Listener Report Message v2");
    default:
        return QStringLiteral("Unknown ICMPv6 (type %1)").arg(type);
    }
}

} // namespace

void FrameDecoder::decodeTcp(int offset, int end)
{
    m_summary.protocol = QStringLiteral("TCP");
    enter(Protocol::Tcp);
    if (!has(offset, 20) || offset + 20 > end) {
        addLayer(tr("Transmission Control Protocol"), offset, m_length - offset);
        if (offset + 20 > end && has(offset, 20))
            malformed(tr("TCP header beyond the IP payload"));
        else
            truncated(tr("TCP header"));
        return;
    }
    const int sourcePort = u16(offset);
    const int destinationPort = u16(offset + 2);
    const quint32 seq = u32(offset + 4);
    const quint32 ack = u32(offset + 8);
    const int headerLength = (u8(offset + 12) >> 4) * 4;
    const quint16 flags = quint16(u16(offset + 12) & 0x1ff);
    const int window = u16(offset + 14);
    m_summary.sourcePort = sourcePort;
    m_summary.destinationPort = destinationPort;
    const int payload = end - offset - headerLength;
    const int layer = addLayer(tr("Transmission Control Protocol, Src Port: %1, Dst Port: %2, "
                                  "Seq: %3, Ack: %4, Len: %5")
                                   .arg(sourcePort)
                                   .arg(destinationPort)
                                   .arg(seq)
                                   .arg(ack)
                                   .arg(qMax(payload, 0)),
                               offset, qMax(20, headerLength));
    const QString flagText = tcpFlagsText(flags);
    if (m_details) {
        addField(layer, tr("Source Port: %1").arg(sourcePort), offset, 2);
        addField(layer, tr("Destination Port: %1").arg(destinationPort), offset + 2, 2);
        addField(layer, tr("Sequence Number: %1").arg(seq), offset + 4, 4);
        addField(layer, tr("Acknowledgment Number: %1").arg(ack), offset + 8, 4);
        addField(layer, tr("Header Length: %1 bytes (%2)").arg(headerLength).arg(headerLength / 4),
                 offset + 12, 1);
        DetailNode* flagNode =
            addField(layer, tr("Flags: %1 (%2)").arg(hex(flags, 3), flagText), offset + 12, 2);
        static const char* const bitNames[] = {"Fin",
                                               "Syn",
                                               "Reset",
                                               "Push",
                                               "Acknowledgment",
                                               "Urgent",
                                               "ECN-Echo",
                                               "Congestion Window Reduced",
                                               "Accurate ECN"};
        for (int bit = 8; bit >= 0; --bit)
            addChild(flagNode,
                     tr("%1: %2").arg(QLatin1String(bitNames[bit]),
                                      flags & (1u << bit) ? tr("Set") : tr("Not set")),
                     offset + 12, 2, m_length);
        addField(layer, tr("Window: %1").arg(window), offset + 14, 2);
        addField(layer, tr("Checksum: %1").arg(hex(u16(offset + 16), 4)), offset + 16, 2);
        addField(layer, tr("Urgent Pointer: %1").arg(u16(offset + 18)), offset + 18, 2);
    }
    QString info = QString::number(sourcePort) + kArrow + QString::number(destinationPort) +
                   QStringLiteral(" [%1] Seq=%2").arg(flagText).arg(seq);
    if (flags & 0x10)
        info += QStringLiteral(" Ack=%1").arg(ack);
    info += QStringLiteral(" Win=%1 Len=%2").arg(window).arg(qMax(payload, 0));
    m_summary.info = info;
    if (headerLength < 20) {
        malformed(tr("TCP header length %1 < 20").arg(headerLength));
        return;
    }
    if (payload < 0) {
        malformed(tr("TCP header length %1 beyond the IP payload").arg(headerLength));
        return;
    }
    if (headerLength > 20) {
        // Wireshark lists the common options after Len=, in packet order.
        QString optionInfo;
        DetailNode* options =
            m_details ? addField(layer, tr("Options: (%1 bytes)").arg(headerLength - 20),
                                 offset + 20, headerLength - 20)
                      : nullptr;
        for (int pos = offset + 20; pos < offset + headerLength && has(pos, 1);) {
            const quint8 kind = u8(pos);
            if (kind == 0 || kind == 1) {
                addChild(options, tcpOptionName(kind), pos, 1, m_length);
                ++pos;
                if (kind == 0)
                    break;
                continue;
            }
            if (!has(pos, 2) || u8(pos + 1) < 2) {
                addChild(options, tr("%1 [Malformed option]").arg(tcpOptionName(kind)), pos,
                         offset + headerLength - pos, m_length);
                break;
            }
            const int length = u8(pos + 1);
            QString text = tcpOptionName(kind);
            if (kind == 2 && length == 4 && has(pos, 4)) {
                text += tr(": %1 bytes").arg(u16(pos + 2));
                optionInfo += QStringLiteral(" MSS=%1").arg(u16(pos + 2));
            } else if (kind == 3 && length == 3 && has(pos, 3)) {
                const quint32 multiplier = 1u << qMin<int>(u8(pos + 2), 14);
                text += tr(": %1 (multiply by %2)").arg(u8(pos + 2)).arg(multiplier);
                optionInfo += QStringLiteral(" WS=%1").arg(multiplier);
            } else if (kind == 4 && length == 2) {
                optionInfo += QStringLiteral(" SACK_PERM");
            } else if (kind == 5 && (length - 2) % 8 == 0 && has(pos, length)) {
                for (int block = pos + 2; block < pos + length; block += 8)
                    optionInfo +=
                        QStringLiteral(" SLE=%1 SRE=%2").arg(u32(block)).arg(u32(block + 4));
            } else if (kind == 8 && length == 10 && has(pos, 10)) {
                text += tr(": TSval %1, TSecr %2").arg(u32(pos + 2)).arg(u32(pos + 6));
                optionInfo +=
                    QStringLiteral(" TSval=%1 TSecr=%2").arg(u32(pos + 2)).arg(u32(pos + 6));
            }
            addChild(options, text, pos, length, m_length);
            pos += length;
        }
        m_summary.info += optionInfo;
    }
    if (!has(offset, headerLength)) {
        truncated(tr("TCP options"));
        return;
    }
    const int payloadOffset = offset + headerLength;
    if (payload > 0) {
        const bool dns = isDnsPort(sourcePort) || isDnsPort(destinationPort);
        if (dns && payload >= 2 && has(payloadOffset, 2)) {
            // DNS over TCP (RFC 1035 4.2.2): a two-byte length before each message.
            const int messageLength = u16(payloadOffset);
            const int dnsEnd = qMin(end, payloadOffset + 2 + messageLength);
            // Wireshark names DNS over TCP only once the message is whole
            // (a longer one waits for the next segments), and only on 53.
            if (2 + messageLength > payload || sourcePort == 5353 || destinationPort == 5353)
                m_pathEnded = true;
            decodeDns(payloadOffset + 2, dnsEnd, sourcePort == 5353 || destinationPort == 5353);
            return;
        }
        addLayer(tr("TCP payload (%1 bytes)").arg(payload), payloadOffset, payload);
    }
}

void FrameDecoder::decodeUdp(int offset, int end)
{
    m_summary.protocol = QStringLiteral("UDP");
    enter(Protocol::Udp);
    if (!has(offset, 8) || offset + 8 > end) {
        addLayer(tr("User Datagram Protocol"), offset, m_length - offset);
        if (offset + 8 > end && has(offset, 8))
            malformed(tr("UDP header beyond the IP payload"));
        else
            truncated(tr("UDP header"));
        return;
    }
    const int sourcePort = u16(offset);
    const int destinationPort = u16(offset + 2);
    const int length = u16(offset + 4);
    m_summary.sourcePort = sourcePort;
    m_summary.destinationPort = destinationPort;
    const int layer = addLayer(tr("User Datagram Protocol, Src Port: %1, Dst Port: %2")
                                   .arg(sourcePort)
                                   .arg(destinationPort),
                               offset, 8);
    if (m_details) {
        addField(layer, tr("Source Port: %1").arg(sourcePort), offset, 2);
        addField(layer, tr("Destination Port: %1").arg(destinationPort), offset + 2, 2);
        addField(layer, tr("Length: %1").arg(length), offset + 4, 2);
        addField(layer, tr("Checksum: %1").arg(hex(u16(offset + 6), 4)), offset + 6, 2);
    }
    m_summary.info = QString::number(sourcePort) + kArrow + QString::number(destinationPort) +
                     QStringLiteral(" Len=%1").arg(qMax(0, length - 8));
    if (length < 8 || offset + length > end) {
        malformed(tr("UDP length %1").arg(length));
        return;
    }
    const int payloadOffset = offset + 8;
    const int payloadEnd = offset + length;
    if (payloadEnd > payloadOffset && (isDnsPort(sourcePort) || isDnsPort(destinationPort))) {
        decodeDns(payloadOffset, payloadEnd, sourcePort == 5353 || destinationPort == 5353);
        return;
    }
    if (payloadEnd > payloadOffset)
        addLayer(tr("Data (%1 bytes)").arg(payloadEnd - payloadOffset), payloadOffset,
                 payloadEnd - payloadOffset);
}

void FrameDecoder::decodeIcmp(int offset, int end)
{
    m_summary.protocol = QStringLiteral("ICMP");
    enter(Protocol::Icmp);
    if (!has(offset, 4) || offset + 4 > end) {
        addLayer(tr("Internet Control Message Protocol"), offset, m_length - offset);
        truncated(tr("ICMP header"));
        return;
    }
    const int type = u8(offset);
    const int code = u8(offset + 1);
    const QString name = icmpTypeName(type, code);
    const int layer = addLayer(tr("Internet Control Message Protocol"), offset, end - offset);
    if (m_details) {
        addField(layer, tr("Type: %1 (%2)").arg(type).arg(name), offset, 1);
        addField(layer, tr("Code: %1").arg(code), offset + 1, 1);
        addField(layer, tr("Checksum: %1").arg(hex(u16(offset + 2), 4)), offset + 2, 2);
    }
    m_summary.info = name;
    if (type == 0 || type == 8 || type == 13 || type == 14) {
        if (!has(offset, 8) || offset + 8 > end) {
            truncated(tr("ICMP echo header"));
            return;
        }
        const quint16 id = u16(offset + 4);
        const quint16 seq = u16(offset + 6);
        const quint16 seqLe = quint16(seq >> 8 | seq << 8);
        // Wireshark pads the name so request and reply columns line up.
        m_summary.info = m_summary.info.leftJustified(21) +
                         QStringLiteral("id=%1, seq=%2/%3").arg(hex(id, 4)).arg(seq).arg(seqLe);
        if (m_ipTtl >= 0)
            m_summary.info += QStringLiteral(", ttl=%1").arg(m_ipTtl);
        if (m_details) {
            addField(layer, tr("Identifier (BE): %1 (%2)").arg(id).arg(hex(id, 4)), offset + 4, 2);
            addField(layer, tr("Sequence Number (BE): %1 (%2)").arg(seq).arg(hex(seq, 4)),
                     offset + 6, 2);
            if (end > offset + 8)
                addField(layer, tr("Data (%1 bytes)").arg(end - offset - 8), offset + 8,
                         end - offset - 8);
        }
    } else if (m_details && end > offset + 8) {
        // Errors quote the offending datagram's header.
        addField(layer, tr("Original datagram (%1 bytes)").arg(end - offset - 8), offset + 8,
                 end - offset - 8);
    }
}

void FrameDecoder::decodeIcmpv6Options(int layer, int offset, int end, QString* linkAddress)
{
    for (int pos = offset; pos + 2 <= end;) {
        if (!has(pos, 2)) {
            truncated(tr("ICMPv6 option"));
            return;
        }
        const int type = u8(pos);
        const int length = u8(pos + 1) * 8;
        if (length == 0) {
            malformed(tr("ICMPv6 option of length 0"));
            return;
        }
        QString text = tr("ICMPv6 Option (type %1, %2 bytes)").arg(type).arg(length);
        if ((type == 1 || type == 2) && length == 8 && has(pos + 2, 6)) {
            const QString mac = macText(at(pos + 2));
            text = type == 1 ? tr("Source link-layer address: %1").arg(mac)
                             : tr("Target link-layer address: %1").arg(mac);
            if (linkAddress)
                *linkAddress = mac;
        } else if (type == 3) {
            text = tr("Prefix information (%1 bytes)").arg(length);
        } else if (type == 5) {
            text = tr("MTU (%1 bytes)").arg(length);
        }
        addField(layer, text, pos, length);
        pos += length;
    }
}

void FrameDecoder::decodeIcmpv6(int offset, int end)
{
    m_summary.protocol = QStringLiteral("ICMPv6");
    enter(Protocol::Icmpv6);
    if (!has(offset, 4) || offset + 4 > end) {
        addLayer(tr("Internet Control Message Protocol v6"), offset, m_length - offset);
        truncated(tr("ICMPv6 header"));
        return;
    }
    const int type = u8(offset);
    const int code = u8(offset + 1);
    const QString name = icmpv6TypeName(type);
    const int layer = addLayer(tr("Internet Control Message Protocol v6"), offset, end - offset);
    if (m_details) {
        addField(layer, tr("Type: %1 (%2)").arg(name).arg(type), offset, 1);
        addField(layer, tr("Code: %1").arg(code), offset + 1, 1);
        addField(layer, tr("Checksum: %1").arg(hex(u16(offset + 2), 4)), offset + 2, 2);
    }
    m_summary.info = name;
    switch (type) {
    case 128:
    case 129: {
        if (!has(offset, 8) || offset + 8 > end) {
            truncated(tr("ICMPv6 echo header"));
            return;
        }
        const quint16 id = u16(offset + 4);
        const quint16 seq = u16(offset + 6);
        m_summary.info += QStringLiteral(" id=%1, seq=%2").arg(hex(id, 4)).arg(seq);
        if (m_ipTtl >= 0)
            m_summary.info += QStringLiteral(", hop limit=%1").arg(m_ipTtl);
        if (m_details) {
            addField(layer, tr("Identifier: %1").arg(hex(id, 4)), offset + 4, 2);
            addField(layer, tr("Sequence: %1").arg(seq), offset + 6, 2);
        }
        return;
    }
    case 133:
    case 134: {
        const int fixed = type == 133 ? 8 : 16;
        if (!has(offset, fixed) || offset + fixed > end) {
            truncated(tr("ICMPv6 router message"));
            return;
        }
        QString from;
        decodeIcmpv6Options(layer, offset + fixed, qMin(end, m_length), &from);
        if (!from.isEmpty())
            m_summary.info += tr(" from %1").arg(from);
        return;
    }
    case 135:
    case 136: {
        if (!has(offset, 24) || offset + 24 > end) {
            truncated(tr("ICMPv6 neighbor message"));
            return;
        }
        const QString target = ipv6Text(at(offset + 8));
        const quint8 flags = u8(offset + 4);
        QStringList set;
        if (flags & 0x80)
            set << QStringLiteral("rtr");
        if (flags & 0x40)
            set << QStringLiteral("sol");
        if (flags & 0x20)
            set << QStringLiteral("ovr");
        if (m_details) {
            if (type == 136) {
                QStringList names;
                if (flags & 0x80)
                    names << tr("Router");
                if (flags & 0x40)
                    names << tr("Solicited");
                if (flags & 0x20)
                    names << tr("Override");
                addField(layer,
                         names.isEmpty()
                             ? tr("Flags: %1").arg(hex(flags, 2))
                             : tr("Flags: %1 (%2)").arg(hex(flags, 2), names.join(", ")),
                         offset + 4, 4);
            }
            addField(layer, tr("Target Address: %1").arg(target), offset + 8, 16);
        }
        QString address;
        decodeIcmpv6Options(layer, offset + 24, qMin(end, m_length), &address);
        if (type == 135) {
            m_summary.info += tr(" for %1").arg(target);
            if (!address.isEmpty())
                m_summary.info += tr(" from %1").arg(address);
        } else {
            m_summary.info += QLatin1Char(' ') + target;
            if (!set.isEmpty())
                m_summary.info += QStringLiteral(" (%1)").arg(set.join(QLatin1String(", ")));
            if (!address.isEmpty())
                m_summary.info += tr(" is at %1").arg(address);
        }
        return;
    }
    default:
        if (m_details && end > offset + 8)
            addField(layer, tr("Message body (%1 bytes)").arg(end - offset - 8), offset + 8,
                     end - offset - 8);
        return;
    }
}

} // namespace pr::decoder
