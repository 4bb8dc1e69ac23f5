#include "capture/files/frame_decoder.h"

#include "capture/files/frame_decoder_context.h"

#include <QCoreApplication>

namespace pr {

DecodedSummary decodeSummary(const uchar* data, int length, quint32 linkType, int frameLength)
{
    decoder::FrameDecoder decoder(data, data ? qMax(length, 0) : 0, false, frameLength);
    decoder.decode(linkType);
    return decoder.takeSummary();
}

QList<DetailNode> decodeDetails(const uchar* data, int length, quint32 linkType, int frameLength)
{
    decoder::FrameDecoder decoder(data, data ? qMax(length, 0) : 0, true, frameLength);
    decoder.decode(linkType);
    return decoder.takeLayers();
}

namespace decoder {

namespace {

QString etherTypeName(quint16 type)
{
    switch (type) {
    case 0x0800:
        return QStringLiteral("IPv4");
    case 0x0806:
        return QStringLiteral("ARP");
    case 0x86dd:
        return QStringLiteral("IPv6");
    case 0x8100:
        return QStringLiteral("802.1Q Virtual LAN");
    case 0x88a8:
        return QStringLiteral("802.1ad Provider Bridge");
    case 0x9100:
        return QStringLiteral("802.1Q-in-Q");
    case 0x88cc:
        return QStringLiteral("LLDP");
    case 0x888e:
        return QStringLiteral("EAPOL");
    case 0x8863:
        return QStringLiteral("PPPoED");
    case 0x8864:
        return QStringLiteral("PPPoES");
    case 0x8847:
        return QStringLiteral("MPLS");
    case 0x88f7:
        return QStringLiteral("PTPv2");
    case 0x0842:
        return QStringLiteral("WOL");
    case 0x8035:
        return QStringLiteral("RARP");
    default:
        return {};
    }
}

QString ipProtocolName(quint8 protocol)
{
    switch (protocol) {
    case 0:
        return QStringLiteral("IPv6 Hop-by-Hop Option");
    case 1:
        return QStringLiteral("ICMP");
    case 2:
        return QStringLiteral("IGMP");
    case 4:
        return QStringLiteral("IPIP");
    case 6:
        return QStringLiteral("TCP");
    case 17:
        return QStringLiteral("UDP");
    case 41:
        return QStringLiteral("IPv6");
    case 43:
        return QStringLiteral("IPv6 Routing");
    case 44:
        return QStringLiteral("IPv6 Fragment");
    case 47:
        return QStringLiteral("GRE");
    case 50:
        return QStringLiteral("ESP");
    case 51:
        return QStringLiteral("AH");
    case 58:
        return QStringLiteral("ICMPv6");
    case 59:
        return QStringLiteral("IPv6 No Next Header");
    case 60:
        return QStringLiteral("IPv6 Destination Options");
    case 89:
        return QStringLiteral("OSPF");
    case 103:
        return QStringLiteral("PIM");
    case 112:
        return QStringLiteral("VRRP");
    case 132:
        return QStringLiteral("SCTP");
    default:
        return {};
    }
}

QString ipv4OptionName(quint8 type)
{
    switch (type) {
    case 0:
        return QStringLiteral("End of Options List (EOL)");
    case 1:
        return QStringLiteral("No-Operation (NOP)");
    case 7:
        return QStringLiteral("Record Route");
    case 68:
        return QStringLiteral("Time Stamp");
    case 130:
        return QStringLiteral("Security");
    case 131:
        return QStringLiteral("Loose Source Route");
    case 137:
        return QStringLiteral("Strict Source Route");
    case 148:
        return QStringLiteral("Router Alert");
    default:
        return QStringLiteral("Unknown (%1)").arg(type);
    }
}

QString sllPacketTypeName(quint8 type)
{
    switch (type) {
    case 0:
        return FrameDecoder::tr("Unicast to us");
    case 1:
        return FrameDecoder::tr("Broadcast");
    case 2:
        return FrameDecoder::tr("Multicast");
    case 3:
        return FrameDecoder::tr("Unicast to another host");
    case 4:
        return FrameDecoder::tr("Sent by us");
    default:
        return FrameDecoder::tr("Unknown (%1)").arg(type);
    }
}

} // namespace

QString hex(quint32 value, int digits)
{
    return QStringLiteral("0x%1").arg(value, digits, 16, QLatin1Char('0'));
}

QString macText(const uchar* b)
{
    static const char digits[] = "0123456789abcdef";
    QString text(17, QLatin1Char(':'));
    for (int i = 0; i < 6; ++i) {
        text[i * 3] = QLatin1Char(digits[b[i] >> 4]);
        text[i * 3 + 1] = QLatin1Char(digits[b[i] & 0xf]);
    }
    return text;
}

QString ipv4Text(const uchar* b)
{
    return QStringLiteral("%1.%2.%3.%4").arg(b[0]).arg(b[1]).arg(b[2]).arg(b[3]);
}

QString ipv6Text(const uchar* b)
{
    quint16 groups[8];
    for (int i = 0; i < 8; ++i)
        groups[i] = quint16(b[2 * i] << 8 | b[2 * i + 1]);
    // IPv4-mapped addresses keep their dotted tail (RFC 5952 section 5).
    bool mapped = groups[5] == 0xffff;
    for (int i = 0; i < 5; ++i)
        mapped = mapped && groups[i] == 0;
    if (mapped)
        return QStringLiteral("::ffff:") + ipv4Text(b + 12);
    // The longest run of two or more zero groups becomes "::" (the first one on a tie).
    int bestStart = -1, bestLength = 0;
    for (int i = 0; i < 8;) {
        if (groups[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && groups[j] == 0)
            ++j;
        if (j - i > bestLength && j - i >= 2) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j;
    }
    QString text;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            text += QLatin1String("::");
            i += bestLength - 1;
            continue;
        }
        if (!text.isEmpty() && !text.endsWith(QLatin1Char(':')))
            text += QLatin1Char(':');
        text += QString::number(groups[i], 16);
    }
    return text;
}

FrameDecoder::FrameDecoder(const uchar* data, int length, bool wantDetails, int frameLength)
    : m_data(data), m_length(length), m_details(wantDetails), m_partial(frameLength > length)
{}

int FrameDecoder::addLayer(const QString& text, int offset, int length)
{
    if (!m_details)
        return -1;
    DetailNode node;
    node.text = text;
    node.byteOffset = qBound(0, offset, m_length);
    node.byteLength = qBound(0, length, m_length - node.byteOffset);
    m_layers.append(node);
    return int(m_layers.size()) - 1;
}

DetailNode* FrameDecoder::addChild(DetailNode* parent, const QString& text, int offset, int length,
                                   int frameLength)
{
    if (!parent)
        return nullptr;
    DetailNode node;
    node.text = text;
    node.byteOffset = qBound(0, offset, frameLength);
    node.byteLength = qBound(0, length, frameLength - node.byteOffset);
    parent->children.append(node);
    return &parent->children.last();
}

DetailNode* FrameDecoder::addField(int layer, const QString& text, int offset, int length)
{
    if (!m_details || layer < 0 || layer >= m_layers.size())
        return nullptr;
    return addChild(&m_layers[layer], text, offset, length, m_length);
}

void FrameDecoder::setLayerText(int layer, const QString& text)
{
    if (m_details && layer >= 0 && layer < m_layers.size())
        m_layers[layer].text = text;
}

void FrameDecoder::truncated(const QString& what)
{
    if (m_partial) {
        // Only the frame's first bytes were kept; the frame itself is fine.
        if (m_partialNoted)
            return;
        m_partialNoted = true;
        if (m_summary.info.isEmpty())
            m_summary.info = tr("[First %1 bytes only]").arg(m_length);
        if (m_details)
            m_layers.append(
                DetailNode{tr("[Only the first %1 bytes of the frame are shown]").arg(m_length),
                           m_length,
                           0,
                           {}});
        return;
    }
    m_summary.malformed = true;
    const QString note = tr("[Truncated %1]").arg(what);
    m_summary.info = m_summary.info.isEmpty() ? note : m_summary.info + QLatin1Char(' ') + note;
    if (m_details)
        m_layers.append(DetailNode{note, m_length, 0, {}});
}

void FrameDecoder::malformed(const QString& why)
{
    m_summary.malformed = true;
    const QString note = tr("[Malformed: %1]").arg(why);
    m_summary.info = m_summary.info.isEmpty() ? note : m_summary.info + QLatin1Char(' ') + note;
    if (m_details)
        m_layers.append(DetailNode{note, 0, m_length, {}});
}

void FrameDecoder::decode(quint32 linkType)
{
    switch (linkType) {
    case kLinkTypeEthernet:
        decodeEthernet(0);
        break;
    case kLinkTypeRaw:
    case 12:  // DLT_RAW on Linux, what pcap_datalink() says for LINKTYPE_RAW
    case 228: // LINKTYPE_IPV4
    case 229: // LINKTYPE_IPV6
        if (linkType == kLinkTypeRaw || linkType == 12)
            enter(Protocol::RawIp);
        if (!has(0, 1)) {
            m_summary.protocol = QStringLiteral("Raw");
            truncated(tr("IP header"));
        } else if (u8(0) >> 4 == 4) {
            decodeIpv4(0);
        } else if (u8(0) >> 4 == 6) {
            decodeIpv6(0);
        } else {
            m_summary.protocol = QStringLiteral("Raw");
            malformed(tr("IP version %1").arg(u8(0) >> 4));
        }
        break;
    case kLinkTypeLinuxSll:
        decodeSll(0);
        break;
    case kLinkTypeLinuxSll2:
        decodeSll2(0);
        break;
    default:
        m_summary.protocol = tr("Link type %1").arg(linkType);
        m_summary.info = tr("Not decoded");
        addLayer(tr("Link type %1 (not decoded), %2 bytes").arg(linkType).arg(m_length), 0,
                 m_length);
        break;
    }
}

void FrameDecoder::decodeEthernet(int offset)
{
    m_summary.protocol = QStringLiteral("Ethernet");
    enter(Protocol::Ethernet);
    if (!has(offset, 14)) {
        addLayer(tr("Ethernet II"), offset, m_length - offset);
        truncated(tr("Ethernet header"));
        return;
    }
    const QString destination = macText(at(offset));
    const QString source = macText(at(offset + 6));
    const bool broadcast = destination == QLatin1String("ff:ff:ff:ff:ff:ff");
    m_summary.source = source;
    m_summary.destination = broadcast ? QStringLiteral("Broadcast") : destination;
    const quint16 type = u16(offset + 12);
    const int layer =
        addLayer(tr("Ethernet II, Src: %1, Dst: %2").arg(source, destination), offset, 14);
    if (m_details) {
        addField(layer, tr("Destination: %1").arg(destination), offset, 6);
        addField(layer, tr("Source: %1").arg(source), offset + 6, 6);
    }
    if (type < 0x0600) {
        // IEEE 802.3 length field: LLC follows, which we do not decode.
        m_summary.protocol = QStringLiteral("LLC");
        m_summary.info = tr("IEEE 802.3, length %1").arg(type);
        if (m_details) {
            addField(layer, tr("Length: %1").arg(type), offset + 12, 2);
            setLayerText(layer,
                         tr("IEEE 802.3 Ethernet, Src: %1, Dst: %2").arg(source, destination));
        }
        return;
    }
    decodeEtherType(type, offset + 14, layer, 0);
}

void FrameDecoder::decodeSll(int offset)
{
    // 16 bytes: packet type, ARPHRD type, address length, 8 address bytes, protocol.
    m_summary.protocol = QStringLiteral("SLL");
    enter(Protocol::LinuxSll);
    if (!has(offset, 16)) {
        addLayer(tr("Linux cooked capture v1"), offset, m_length - offset);
        truncated(tr("Linux cooked header"));
        return;
    }
    const quint16 packetType = u16(offset);
    const quint16 hatype = u16(offset + 2);
    const quint16 halen = u16(offset + 4);
    const quint16 protocol = u16(offset + 14);
    QString address;
    if (halen == 6)
        address = macText(at(offset + 6));
    m_summary.source = address;
    const int layer = addLayer(tr("Linux cooked capture v1"), offset, 16);
    if (m_details) {
        addField(
            layer,
            tr("Packet type: %1 (%2)").arg(sllPacketTypeName(quint8(packetType))).arg(packetType),
            offset, 2);
        addField(layer, tr("Link-layer address type: %1").arg(hatype), offset + 2, 2);
        addField(layer, tr("Link-layer address length: %1").arg(halen), offset + 4, 2);
        if (!address.isEmpty())
            addField(layer, tr("Source: %1").arg(address), offset + 6, 6);
        const QString typeName = etherTypeName(protocol);
        addField(layer,
                 typeName.isEmpty() ? tr("Protocol: %1").arg(hex(protocol, 4))
                                    : tr("Protocol: %1 (%2)").arg(typeName, hex(protocol, 4)),
                 offset + 14, 2);
    }
    decodeEtherType(protocol, offset + 16, layer, 0);
}

void FrameDecoder::decodeSll2(int offset)
{
    m_summary.protocol = QStringLiteral("SLL");
    enter(Protocol::LinuxSll);
    if (!has(offset, 20)) {
        addLayer(tr("Linux cooked capture v2"), offset, m_length - offset);
        truncated(tr("Linux cooked header"));
        return;
    }
    const quint16 protocol = u16(offset);
    const quint32 ifindex = u32(offset + 4);
    const quint16 hatype = u16(offset + 8);
    const quint8 packetType = u8(offset + 10);
    const quint8 halen = u8(offset + 11);
    QString address;
    if (halen == 6)
        address = macText(at(offset + 12));
    else
        for (int i = 0; i < qMin<int>(halen, 8); ++i)
            address += (i ? QStringLiteral(":") : QString()) +
                       QStringLiteral("%1").arg(u8(offset + 12 + i), 2, 16, QLatin1Char('0'));
    m_summary.source = address;
    const int layer = addLayer(tr("Linux cooked capture v2"), offset, 20);
    if (m_details) {
        const QString typeName = etherTypeName(protocol);
        addField(layer,
                 typeName.isEmpty() ? tr("Protocol: %1").arg(hex(protocol, 4))
                                    : tr("Protocol: %1 (%2)").arg(typeName, hex(protocol, 4)),
                 offset, 2);
        addField(layer, tr("Interface index: %1").arg(ifindex), offset + 4, 4);
        addField(layer, tr("Link-layer address type: %1").arg(hatype), offset + 8, 2);
        addField(layer,
                 tr("Packet type: %1 (%2)").arg(sllPacketTypeName(packetType)).arg(packetType),
                 offset + 10, 1);
        addField(layer, tr("Link-layer address length: %1").arg(halen), offset + 11, 1);
        if (!address.isEmpty())
            addField(layer, tr("Source: %1").arg(address), offset + 12, qMin<int>(halen, 8));
    }
    decodeEtherType(protocol, offset + 20, layer, 0);
}

void FrameDecoder::decodeEtherType(quint16 type, int offset, int layer, int depth)
{
    const QString name = etherTypeName(type);
    if (m_details && layer >= 0 && m_layers[layer].text.startsWith(QLatin1String("Ethernet")))
        addField(layer,
                 name.isEmpty() ? tr("Type: %1").arg(hex(type, 4))
                                : tr("Type: %1 (%2)").arg(name, hex(type, 4)),
                 offset - 2, 2);
    switch (type) {
    case 0x0800:
        decodeIpv4(offset);
        return;
    case 0x86dd:
        decodeIpv6(offset);
        return;
    case 0x0806:
        decodeArp(offset);
        return;
    case 0x8100:
    case 0x88a8:
    case 0x9100:
        decodeVlan(type, offset, depth);
        return;
    default:
        m_summary.protocol = name.isEmpty() ? hex(type, 4) : name;
        m_summary.info = tr("Ethernet II, type %1, %2 bytes of payload")
                             .arg(hex(type, 4))
                             .arg(qMax(0, m_length - offset));
        addLayer(tr("Data (%1 bytes)").arg(qMax(0, m_length - offset)), offset, m_length - offset);
        return;
    }
}

void FrameDecoder::decodeVlan(quint16 tpid, int offset, int depth)
{
    m_summary.protocol = tpid == 0x8100 ? QStringLiteral("802.1Q") : QStringLiteral("802.1ad");
    // Wireshark takes 0x9100 (old QinQ) as 802.1Q too.
    enter(tpid == 0x88a8 ? Protocol::Ieee8021ad : Protocol::Vlan);
    // A frame of nothing but tags would otherwise recurse as deep as it is long.
    if (depth >= 8) {
        malformed(tr("more than 8 stacked VLAN tags"));
        return;
    }
    if (!has(offset, 4)) {
        addLayer(etherTypeName(tpid), offset, m_length - offset);
        truncated(tr("VLAN tag"));
        return;
    }
    const quint16 tci = u16(offset);
    const quint16 inner = u16(offset + 2);
    const int priority = tci >> 13, dei = (tci >> 12) & 1, id = tci & 0xfff;
    const int layer = addLayer(
        tr("%1, PRI: %2, DEI: %3, ID: %4").arg(etherTypeName(tpid)).arg(priority).arg(dei).arg(id),
        offset, 4);
    if (m_details) {
        addField(layer, tr("Priority: %1").arg(priority), offset, 2);
        addField(layer, tr("DEI: %1").arg(dei), offset, 2);
        addField(layer, tr("ID: %1").arg(id), offset, 2);
        const QString name = etherTypeName(inner);
        addField(layer,
                 name.isEmpty() ? tr("Type: %1").arg(hex(inner, 4))
                                : tr("Type: %1 (%2)").arg(name, hex(inner, 4)),
                 offset + 2, 2);
    }
    if (inner == 0x8100 || inner == 0x88a8 || inner == 0x9100) {
        decodeVlan(inner, offset + 4, depth + 1);
        return;
    }
    decodeEtherType(inner, offset + 4, -1, depth + 1);
    if (m_summary.info.isEmpty())
        m_summary.info = tr("VLAN %1").arg(id);
}

void FrameDecoder::decodeArp(int offset)
{
    m_summary.protocol = QStringLiteral("ARP");
    enter(Protocol::Arp);
    if (!has(offset, 8)) {
        addLayer(tr("Address Resolution Protocol"), offset, m_length - offset);
        truncated(tr("ARP header"));
        return;
    }
    const quint16 hardwareType = u16(offset);
    const quint16 protocolType = u16(offset + 2);
    const int hardwareSize = u8(offset + 4);
    const int protocolSize = u8(offset + 5);
    const quint16 opcode = u16(offset + 6);
    const int length = 8 + 2 * (hardwareSize + protocolSize);
    const QString opName = opcode == 1   ? tr("request")
                           : opcode == 2 ? tr("reply")
                                         : tr("opcode %1").arg(opcode);
    const int layer = addLayer(tr("Address Resolution Protocol (%1)").arg(opName), offset, length);
    if (m_details) {
        addField(layer, tr("Hardware type: %1").arg(hardwareType), offset, 2);
        addField(layer, tr("Protocol type: %1").arg(hex(protocolType, 4)), offset + 2, 2);
        addField(layer, tr("Hardware size: %1").arg(hardwareSize), offset + 4, 1);
        addField(layer, tr("Protocol size: %1").arg(protocolSize), offset + 5, 1);
        addField(layer, tr("Opcode: %1 (%2)").arg(opName).arg(opcode), offset + 6, 2);
    }
    if (hardwareSize != 6 || protocolSize != 4 || protocolType != 0x0800) {
        m_summary.info = tr("ARP %1 (hardware size %2, protocol size %3)")
                             .arg(opName)
                             .arg(hardwareSize)
                             .arg(protocolSize);
        return;
    }
    if (!has(offset, 28)) {
        truncated(tr("ARP addresses"));
        return;
    }
    const QString senderMac = macText(at(offset + 8));
    const QString senderIp = ipv4Text(at(offset + 14));
    const QString targetMac = macText(at(offset + 18));
    const QString targetIp = ipv4Text(at(offset + 24));
    if (m_details) {
        addField(layer, tr("Sender MAC address: %1").arg(senderMac), offset + 8, 6);
        addField(layer, tr("Sender IP address: %1").arg(senderIp), offset + 14, 4);
        addField(layer, tr("Target MAC address: %1").arg(targetMac), offset + 18, 6);
        addField(layer, tr("Target IP address: %1").arg(targetIp), offset + 24, 4);
    }
    if (opcode == 1 && senderIp == targetIp)
        m_summary.info = tr("ARP Announcement for %1").arg(senderIp);
    else if (opcode == 1)
        m_summary.info = tr("Who has %1? Tell %2").arg(targetIp, senderIp);
    else if (opcode == 2)
        m_summary.info = tr("%1 is at %2").arg(senderIp, senderMac);
    else
        m_summary.info = tr("ARP opcode %1").arg(opcode);
}

void FrameDecoder::decodeIpv4(int offset)
{
    m_summary.protocol = QStringLiteral("IPv4");
    enter(Protocol::Ipv4);
    if (!has(offset, 20)) {
        addLayer(tr("Internet Protocol Version 4"), offset, m_length - offset);
        truncated(tr("IPv4 header"));
        return;
    }
    const int version = u8(offset) >> 4;
    const int headerLength = (u8(offset) & 0xf) * 4;
    const int totalLength = u16(offset + 2);
    const quint16 id = u16(offset + 4);
    const quint16 flagsFragment = u16(offset + 6);
    const int fragmentOffset = (flagsFragment & 0x1fff) * 8;
    const bool moreFragments = flagsFragment & 0x2000;
    const bool dontFragment = flagsFragment & 0x4000;
    const int ttl = u8(offset + 8);
    const quint8 protocol = u8(offset + 9);
    const QString source = ipv4Text(at(offset + 12));
    const QString destination = ipv4Text(at(offset + 16));
    m_summary.source = source;
    m_summary.destination = destination;
    m_ipTtl = ttl;
    const int layer =
        addLayer(tr("Internet Protocol Version 4, Src: %1, Dst: %2").arg(source, destination),
                 offset, qMax(20, headerLength));
    if (m_details) {
        addField(layer, tr("Version: %1").arg(version), offset, 1);
        addField(layer, tr("Header Length: %1 bytes (%2)").arg(headerLength).arg(headerLength / 4),
                 offset, 1);
        addField(layer,
                 tr("Differentiated Services Field: %1 (DSCP: %2, ECN: %3)")
                     .arg(hex(u8(offset + 1), 2))
                     .arg(u8(offset + 1) >> 2)
                     .arg(u8(offset + 1) & 3),
                 offset + 1, 1);
        addField(layer, tr("Total Length: %1").arg(totalLength), offset + 2, 2);
        addField(layer, tr("Identification: %1 (%2)").arg(hex(id, 4)).arg(id), offset + 4, 2);
        QStringList flagNames;
        if (flagsFragment & 0x8000)
            flagNames << tr("Reserved bit");
        if (dontFragment)
            flagNames << tr("Don't fragment");
        if (moreFragments)
            flagNames << tr("More fragments");
        addField(layer,
                 flagNames.isEmpty()
                     ? tr("Flags: %1").arg(hex(flagsFragment >> 13, 1))
                     : tr("Flags: %1, %2").arg(hex(flagsFragment >> 13, 1), flagNames.join(", ")),
                 offset + 6, 1);
        addField(layer, tr("Fragment Offset: %1").arg(fragmentOffset), offset + 6, 2);
        addField(layer, tr("Time to Live: %1").arg(ttl), offset + 8, 1);
        const QString name = ipProtocolName(protocol);
        addField(layer,
                 name.isEmpty() ? tr("Protocol: %1").arg(protocol)
                                : tr("Protocol: %1 (%2)").arg(name).arg(protocol),
                 offset + 9, 1);
        addField(layer, tr("Header Checksum: %1").arg(hex(u16(offset + 10), 4)), offset + 10, 2);
        addField(layer, tr("Source Address: %1").arg(source), offset + 12, 4);
        addField(layer, tr("Destination Address: %1").arg(destination), offset + 16, 4);
    }
    if (version != 4) {
        malformed(tr("IPv4 version field is %1").arg(version));
        return;
    }
    if (headerLength < 20) {
        malformed(tr("IPv4 header length %1 < 20").arg(headerLength));
        return;
    }
    if (totalLength < headerLength) {
        malformed(tr("IPv4 total length %1 < header length %2").arg(totalLength).arg(headerLength));
        return;
    }
    if (m_details && headerLength > 20) {
        DetailNode* options = addField(layer, tr("Options: (%1 bytes)").arg(headerLength - 20),
                                       offset + 20, headerLength - 20);
        for (int pos = offset + 20; pos < offset + headerLength && has(pos, 1);) {
            const quint8 type = u8(pos);
            if (type == 0 || type == 1) {
                addChild(options, ipv4OptionName(type), pos, 1, m_length);
                ++pos;
                if (type == 0)
                    break;
                continue;
            }
            if (!has(pos, 2) || u8(pos + 1) < 2) {
                addChild(options, tr("%1 [Malformed option]").arg(ipv4OptionName(type)), pos,
                         offset + headerLength - pos, m_length);
                break;
            }
            const int optionLength = u8(pos + 1);
            addChild(options, tr("%1 (%2 bytes)").arg(ipv4OptionName(type)).arg(optionLength), pos,
                     optionLength, m_length);
            pos += optionLength;
        }
    }
    if (!has(offset, headerLength)) {
        truncated(tr("IPv4 options"));
        return;
    }
    const int end = offset + totalLength;
    if (fragmentOffset > 0 || moreFragments) {
        // Without reassembly, every fragment is shown as Wireshark does.
        const QString name = ipProtocolName(protocol);
        m_summary.info = tr("Fragmented IP protocol (proto=%1 %2, off=%3, ID=%4)")
                             .arg(name.isEmpty() ? tr("Unknown") : name)
                             .arg(protocol)
                             .arg(fragmentOffset)
                             .arg(QStringLiteral("%1").arg(id, 4, 16, QLatin1Char('0')));
        addLayer(tr("Fragment data (%1 bytes)").arg(totalLength - headerLength),
                 offset + headerLength, totalLength - headerLength);
        return;
    }
    decodeIpPayload(protocol, offset + headerLength, end);
}

void FrameDecoder::decodeIpv6(int offset)
{
    m_summary.protocol = QStringLiteral("IPv6");
    enter(Protocol::Ipv6);
    if (!has(offset, 40)) {
        addLayer(tr("Internet Protocol Version 6"), offset, m_length - offset);
        truncated(tr("IPv6 header"));
        return;
    }
    const int version = u8(offset) >> 4;
    const quint32 first = u32(offset);
    const int payloadLength = u16(offset + 4);
    quint8 next = u8(offset + 6);
    const int hopLimit = u8(offset + 7);
    const QString source = ipv6Text(at(offset + 8));
    const QString destination = ipv6Text(at(offset + 24));
    m_summary.source = source;
    m_summary.destination = destination;
    m_ipTtl = hopLimit;
    const int layer = addLayer(
        tr("Internet Protocol Version 6, Src: %1, Dst: %2").arg(source, destination), offset, 40);
    if (m_details) {
        addField(layer, tr("Version: %1").arg(version), offset, 1);
        addField(layer, tr("Traffic Class: %1").arg(hex((first >> 20) & 0xff, 2)), offset, 2);
        addField(layer, tr("Flow Label: %1").arg(hex(first & 0xfffff, 5)), offset + 1, 3);
        addField(layer, tr("Payload Length: %1").arg(payloadLength), offset + 4, 2);
        const QString name = ipProtocolName(next);
        addField(layer,
                 name.isEmpty() ? tr("Next Header: %1").arg(next)
                                : tr("Next Header: %1 (%2)").arg(name).arg(next),
                 offset + 6, 1);
        addField(layer, tr("Hop Limit: %1").arg(hopLimit), offset + 7, 1);
        addField(layer, tr("Source Address: %1").arg(source), offset + 8, 16);
        addField(layer, tr("Destination Address: %1").arg(destination), offset + 24, 16);
    }
    if (version != 6) {
        malformed(tr("IPv6 version field is %1").arg(version));
        return;
    }
    const int end = offset + 40 + payloadLength;
    int pos = offset + 40;
    // Extension headers; each one strictly advances pos, so the walk ends.
    for (int count = 0;; ++count) {
        if (next == 0 || next == 43 || next == 60 || next == 51) {
            // Wireshark counts extension headers as part of IPv6, but AH as
            // a protocol of its own ("ah"), which is not decoded here.
            if (next == 51)
                m_pathEnded = true;
            if (!has(pos, 2)) {
                truncated(tr("IPv6 extension header"));
                return;
            }
            const int length = next == 51 ? (u8(pos + 1) + 2) * 4 : (u8(pos + 1) + 1) * 8;
            if (m_details) {
                DetailNode* node =
                    addField(layer, tr("%1, length %2 bytes").arg(ipProtocolName(next)).arg(length),
                             pos, length);
                addChild(node, tr("Next Header: %1").arg(u8(pos)), pos, 1, m_length);
            }
            if (pos + length > end) {
                malformed(tr("IPv6 extension header beyond the payload length"));
                return;
            }
            next = u8(pos);
            pos += length;
        } else if (next == 44) {
            if (!has(pos, 8)) {
                truncated(tr("IPv6 fragment header"));
                return;
            }
            const int fragmentOffset = (u16(pos + 2) >> 3) * 8;
            const bool more = u16(pos + 2) & 1;
            const quint32 id = u32(pos + 4);
            if (m_details)
                addField(layer,
                         tr("Fragment Header, offset %1, %2, ID %3")
                             .arg(fragmentOffset)
                             .arg(more ? tr("more fragments") : tr("last fragment"))
                             .arg(hex(id, 8)),
                         pos, 8);
            next = u8(pos);
            pos += 8;
            if (fragmentOffset > 0 || more) {
                const QString name = ipProtocolName(next);
                m_summary.info = tr("IPv6 fragment (off=%1 more=%2 ident=%3 nxt=%4)")
                                     .arg(fragmentOffset)
                                     .arg(more ? QStringLiteral("y") : QStringLiteral("n"))
                                     .arg(hex(id, 8))
                                     .arg(next);
                addLayer(tr("Fragment data (%1 bytes)").arg(qMax(0, end - pos)), pos, end - pos);
                return;
            }
        } else {
            break;
        }
        if (count > 16) {
            malformed(tr("too many IPv6 extension headers"));
            return;
        }
    }
    if (next == 59) {
        m_summary.info = tr("No next header");
        return;
    }
    if (pos > end) {
        malformed(tr("IPv6 payload length %1 too small").arg(payloadLength));
        return;
    }
    decodeIpPayload(next, pos, end);
}

void FrameDecoder::decodeIpPayload(quint8 protocol, int offset, int end)
{
    switch (protocol) {
    case 6:
        decodeTcp(offset, end);
        return;
    case 17:
        decodeUdp(offset, end);
        return;
    case 1:
        decodeIcmp(offset, end);
        return;
    case 58:
        decodeIcmpv6(offset, end);
        return;
    default: {
        const QString name = ipProtocolName(protocol);
        if (!name.isEmpty())
            m_summary.protocol = name;
        m_summary.info = name.isEmpty()
                             ? tr("IP protocol %1, %2 bytes").arg(protocol).arg(end - offset)
                             : tr("%1, %2 bytes").arg(name).arg(end - offset);
        addLayer(tr("%1 data (%2 bytes)")
                     .arg(name.isEmpty() ? tr("Protocol %1").arg(protocol) : name)
                     .arg(end - offset),
                 offset, end - offset);
        return;
    }
    }
}

} // namespace decoder
} // namespace pr
