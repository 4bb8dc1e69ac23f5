// DNS and mDNS messages (RFC 1035) for the frame decoder.

#include "capture/files/frame_decoder_context.h"

namespace pr::decoder {

namespace {

// RFC 1035 4.1.4 allows a pointer anywhere, so a crafted message can point a
// name at itself; names are at most 255 bytes, which bounds honest chains.
constexpr int kMaxCompressionJumps = 64;
constexpr int kMaxNameLength = 255;

QString rrTypeName(int type)
{
    switch (type) {
    case 1:
        return QStringLiteral("A");
    case 2:
        return QStringLiteral("NS");
    case 5:
        return QStringLiteral("CNAME");
    case 6:
        return QStringLiteral("SOA");
    case 12:
        return QStringLiteral("PTR");
    case 13:
        return QStringLiteral("HINFO");
    case 15:
        return QStringLiteral("MX");
    case 16:
        return QStringLiteral("TXT");
    case 28:
        return QStringLiteral("AAAA");
    case 33:
        return QStringLiteral("SRV");
    case 35:
        return QStringLiteral("NAPTR");
    case 41:
        return QStringLiteral("OPT");
    case 43:
        return QStringLiteral("DS");
    case 46:
        return QStringLiteral("RRSIG");
    case 47:
        return QStringLiteral("NSEC");
    case 48:
        return QStringLiteral("DNSKEY");
    case 64:
        return QStringLiteral("SVCB");
    case 65:
        return QStringLiteral("HTTPS");
    case 252:
        return QStringLiteral("AXFR");
    case 255:
        return QStringLiteral("ANY");
    case 257:
        return QStringLiteral("CAA");
    default:
        return QStringLiteral("Unknown (%1)").arg(type);
    }
}

QString opcodeName(int opcode)
{
    switch (opcode) {
    case 0:
        return QStringLiteral("Standard query");
    case 1:
        return QStringLiteral("Inverse query");
    case 2:
        return QStringLiteral("Server status request");
    case 4:
        return QStringLiteral("Zone change notification");
    case 5:
        return QStringLiteral("Dynamic update");
    default:
        return QStringLiteral("Unknown operation (%1)").arg(opcode);
    }
}

QString rcodeName(int rcode)
{
    switch (rcode) {
    case 0:
        return {};
    case 1:
        return QStringLiteral("Format error");
    case 2:
        return QStringLiteral("Server failure");
    case 3:
        return QStringLiteral("No such name");
    case 4:
        return QStringLiteral("Not implemented");
    case 5:
        return QStringLiteral("Refused");
    default:
        return QStringLiteral("Unknown error (%1)").arg(rcode);
    }
}

} // namespace

QString FrameDecoder::readDnsName(int dnsStart, int dnsEnd, int offset, int* next, bool* ok) const
{
    QString name;
    int pos = offset;
    int jumps = 0;
    int total = 0;
    bool jumped = false;
    *ok = true;
    *next = dnsEnd;
    while (true) {
        if (pos >= dnsEnd || !has(pos, 1)) {
            *ok = false;
            break;
        }
        const int length = u8(pos);
        if (length == 0) {
            if (!jumped)
                *next = pos + 1;
            break;
        }
        if ((length & 0xc0) == 0xc0) {
            if (pos + 2 > dnsEnd || !has(pos, 2)) {
                *ok = false;
                break;
            }
            const int target = dnsStart + ((length & 0x3f) << 8 | u8(pos + 1));
            if (!jumped)
                *next = pos + 2;
            jumped = true;
            if (++jumps > kMaxCompressionJumps || target >= dnsEnd) {
                *ok = false;
                name += QStringLiteral("<compression loop>");
                break;
            }
            pos = target;
            continue;
        }
        if (length & 0xc0) {
            *ok = false; // extended label types (RFC 6891) are obsolete
            break;
        }
        total += length + 1;
        if (total > kMaxNameLength) {
            *ok = false;
            break;
        }
        if (pos + 1 + length > dnsEnd || !has(pos + 1, length)) {
            *ok = false;
            break;
        }
        if (!name.isEmpty())
            name += QLatin1Char('.');
        for (int i = 0; i < length; ++i) {
            const uchar c = u8(pos + 1 + i);
            if (c > 0x20 && c < 0x7f && c != '.' && c != '\\')
                name += QLatin1Char(char(c));
            else
                name += QStringLiteral("\\%1").arg(int(c), 3, 10, QLatin1Char('0'));
        }
        pos += 1 + length;
    }
    if (name.isEmpty() && *ok)
        name = QStringLiteral("<Root>");
    return name;
}

void FrameDecoder::decodeDns(int offset, int end, bool multicast)
{
    const QString protocolName = multicast ? QStringLiteral("MDNS") : QStringLiteral("DNS");
    m_summary.protocol = protocolName;
    enter(multicast ? Protocol::Mdns : Protocol::Dns);
    if (!has(offset, 12) || offset + 12 > end) {
        addLayer(tr("Domain Name System"), offset, qMin(end, m_length) - offset);
        if (offset + 12 > end && has(offset, qMax(0, end - offset)))
            malformed(tr("DNS message shorter than its 12-byte header"));
        else
            truncated(tr("DNS header"));
        return;
    }
    const quint16 id = u16(offset);
    const quint16 flags = u16(offset + 2);
    const bool response = flags & 0x8000;
    const int opcode = (flags >> 11) & 0xf;
    const int rcode = flags & 0xf;
    const int questions = u16(offset + 4);
    const int answers = u16(offset + 6);
    const int authority = u16(offset + 8);
    const int additional = u16(offset + 10);
    const int layer =
        addLayer(response ? tr("Domain Name System (response)") : tr("Domain Name System (query)"),
                 offset, end - offset);
    QString info = opcodeName(opcode) + (response ? QStringLiteral(" response") : QString()) +
                   QStringLiteral(" %1").arg(hex(id, 4));
    if (response && rcode != 0)
        info += QLatin1Char(' ') + rcodeName(rcode);
    if (m_details) {
        addField(layer, tr("Transaction ID: %1").arg(hex(id, 4)), offset, 2);
        addField(
            layer,
            tr("Flags: %1 %2")
                .arg(hex(flags, 4), opcodeName(opcode) + (response ? tr(" response") : QString())),
            offset + 2, 2);
        addField(layer, tr("Questions: %1").arg(questions), offset + 4, 2);
        addField(layer, tr("Answer RRs: %1").arg(answers), offset + 6, 2);
        addField(layer, tr("Authority RRs: %1").arg(authority), offset + 8, 2);
        addField(layer, tr("Additional RRs: %1").arg(additional), offset + 10, 2);
    }
    int pos = offset + 12;
    bool complete = true;
    DetailNode* queries = questions ? addField(layer, tr("Queries"), pos, 0) : nullptr;
    const int queryStart = pos;
    // Every iteration consumes at least one byte or stops, so counts from a
    // hostile header cannot spin.
    for (int i = 0; i < questions && complete; ++i) {
        const int start = pos;
        bool ok = false;
        int next = 0;
        const QString name = readDnsName(offset, end, pos, &next, &ok);
        if (!ok || next + 4 > end || !has(next, 4)) {
            complete = false;
            break;
        }
        const int type = u16(next);
        const int dnsClass = u16(next + 2) & 0x7fff;
        info += QLatin1Char(' ') + rrTypeName(type) + QLatin1Char(' ') + name;
        addChild(queries,
                 tr("%1: type %2, class %3")
                     .arg(name, rrTypeName(type),
                          dnsClass == 1 ? QStringLiteral("IN") : QString::number(dnsClass)),
                 start, next + 4 - start, m_length);
        pos = next + 4;
    }
    if (queries)
        queries->byteLength = qBound(0, pos - queryStart, m_length - queries->byteOffset);
    DetailNode* answerNode = answers && complete ? addField(layer, tr("Answers"), pos, 0) : nullptr;
    const int answerStart = pos;
    for (int i = 0; i < answers && complete; ++i) {
        const int start = pos;
        bool ok = false;
        int next = 0;
        const QString name = readDnsName(offset, end, pos, &next, &ok);
        if (!ok || next + 10 > end || !has(next, 10)) {
            complete = false;
            break;
        }
        const int type = u16(next);
        const quint32 ttl = u32(next + 4);
        const int dataLength = u16(next + 8);
        const int data = next + 10;
        if (data + dataLength > end) {
            complete = false;
            break;
        }
        QString value;
        if (type == 1 && dataLength == 4 && has(data, 4)) {
            value = ipv4Text(at(data));
        } else if (type == 28 && dataLength == 16 && has(data, 16)) {
            value = ipv6Text(at(data));
        } else if (type == 5 || type == 12 || type == 2) {
            int ignored = 0;
            bool nameOk = false;
            value = readDnsName(offset, end, data, &ignored, &nameOk);
        }
        info += QLatin1Char(' ') + rrTypeName(type);
        if (!value.isEmpty())
            info += QLatin1Char(' ') + value;
        addChild(answerNode,
                 tr("%1: type %2, ttl %3%4")
                     .arg(name, rrTypeName(type))
                     .arg(ttl)
                     .arg(value.isEmpty() ? QString() : QStringLiteral(", ") + value),
                 start, data + dataLength - start, m_length);
        pos = data + dataLength;
    }
    if (answerNode)
        answerNode->byteLength = qBound(0, pos - answerStart, m_length - answerNode->byteOffset);
    m_summary.info = info;
    if (!complete) {
        if (end > m_length)
            truncated(tr("DNS message"));
        else
            malformed(tr("DNS record runs past the message"));
    }
}

} // namespace pr::decoder
