#include "ui/packets/pcapng_blocks.h"

#include <QCoreApplication>
#include <QtEndian>

namespace pr::pcapng {

namespace {

// lupdate finds strings passed to Class::tr(); this gives them their context.
struct CaptureFileText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureFileReader)
};

constexpr quint32 kByteOrderMagic = 0x1a2b3c4d;
constexpr quint16 kOptionEnd = 0;
constexpr quint16 kOptionFlags = 2;        // epb_flags
constexpr quint16 kOptionTsResolution = 9; // if_tsresol
// Larger blocks than this are not packets we could have written or read.
constexpr quint32 kMaxBlockBytes = 64u << 20;

int padded(quint32 length)
{
    return int((length + 3) & ~3u);
}

void append32(QByteArray& b, quint32 value)
{
    const quint32 le = qToLittleEndian(value);
    b.append(reinterpret_cast<const char*>(&le), 4);
}

void append16(QByteArray& b, quint16 value)
{
    const quint16 le = qToLittleEndian(value);
    b.append(reinterpret_cast<const char*>(&le), 2);
}

// Fills in the total length at both ends of a block built in `b`.
QByteArray finishBlock(QByteArray b)
{
    const quint32 total = quint32(b.size() + 4);
    const quint32 le = qToLittleEndian(total);
    b.replace(4, 4, reinterpret_cast<const char*>(&le), 4);
    append32(b, total);
    return b;
}

} // namespace

BlockReader::BlockReader(const QString& path) : m_file(path)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        m_error = m_file.errorString();
        return;
    }
    const QByteArray header = m_file.read(12);
    if (header.size() == 12)
        m_bigEndian = uchar(header[8]) == 0x1a;
}

quint32 BlockReader::word(const uchar* bytes) const
{
    return m_bigEndian ? qFromBigEndian<quint32>(bytes) : qFromLittleEndian<quint32>(bytes);
}

bool BlockReader::fail(const QString& error)
{
    m_error = error;
    return false;
}

bool BlockReader::packetAt(quint64 offset, int maxBytes, PacketBlock* block)
{
    if (!m_file.isOpen())
        return false;
    quint64 position = offset;
    // A handful of non-packet blocks may precede the packet; never walk far.
    for (int skipped = 0; skipped < 1024; ++skipped) {
        if (!m_file.seek(qint64(position)))
            return fail(CaptureFileText::tr("No packet at offset %1.").arg(offset));
        const QByteArray head = m_file.read(12);
        if (head.size() < 8)
            return fail(CaptureFileText::tr("No packet at offset %1.").arg(offset));
        const auto* h = reinterpret_cast<const uchar*>(head.constData());
        if (qFromBigEndian<quint32>(h) == kSectionHeader && head.size() == 12)
            m_bigEndian = h[8] == 0x1a; // a new section may change the byte order
        const quint32 type = word(h);
        const quint32 length = word(h + 4);
        if (length < 12 || length % 4 != 0 || length > kMaxBlockBytes)
            return fail(CaptureFileText::tr("Damaged block at offset %1.").arg(position));
        if (type != kEnhancedPacket && type != kSimplePacket && type != kObsoletePacket) {
            position += length;
            continue;
        }
        if (!m_file.seek(qint64(position)))
            return fail(CaptureFileText::tr("No packet at offset %1.").arg(offset));
        const QByteArray bytes = m_file.read(length);
        if (bytes.size() != qsizetype(length))
            return fail(
                CaptureFileText::tr("The file ends inside the block at offset %1.").arg(position));
        const auto* b = reinterpret_cast<const uchar*>(bytes.constData());
        block->offset = position;
        block->flags.reset();
        int dataOffset = 28;
        if (type == kSimplePacket) {
            block->originalLength = word(b + 8);
            block->capturedLength = qMin<quint32>(block->originalLength, length - 16);
            dataOffset = 12;
        } else {
            if (length < 32)
                return fail(CaptureFileText::tr("Damaged block at offset %1.").arg(position));
            block->capturedLength = word(b + 20);
            block->originalLength = word(b + 24);
            if (quint64(28) + quint64(padded(block->capturedLength)) + 4 > length)
                return fail(CaptureFileText::tr("Damaged block at offset %1.").arg(position));
            // Options between the padded data and the trailing length.
            for (int pos = 28 + padded(block->capturedLength); pos + 4 <= int(length) - 4;) {
                const quint16 code = m_bigEndian ? qFromBigEndian<quint16>(b + pos)
                                                 : qFromLittleEndian<quint16>(b + pos);
                const quint16 size = m_bigEndian ? qFromBigEndian<quint16>(b + pos + 2)
                                                 : qFromLittleEndian<quint16>(b + pos + 2);
                if (code == kOptionEnd || pos + 4 + size > int(length) - 4)
                    break;
                if (code == kOptionFlags && size == 4)
                    block->flags = word(b + pos + 4);
                pos += 4 + padded(size);
            }
        }
        block->data = bytes.mid(dataOffset, qMin<qint64>(block->capturedLength, qMax(maxBytes, 0)));
        return true;
    }
    return fail(CaptureFileText::tr("No packet at offset %1.").arg(offset));
}

std::optional<quint32> BlockReader::flagsAt(quint64 offset)
{
    PacketBlock block;
    if (!packetAt(offset, 0, &block))
        return std::nullopt;
    return block.flags;
}

proto::Direction BlockReader::directionAt(quint64 offset)
{
    const std::optional<quint32> flags = flagsAt(offset);
    // Bits 0-1: 0 unknown, 1 inbound, 2 outbound.
    return flags && (*flags & 3) == 2 ? proto::Direction::Outgoing : proto::Direction::Incoming;
}

bool Writer::open(const QString& path, quint32 linkType, quint32 snaplen)
{
    if (linkType > 0xffff) { // libpcap passes on odd values; the block has 16 bits
        m_error =
            CaptureFileText::tr("Link type %1 cannot be stored in a pcapng file.").arg(linkType);
        return false;
    }
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = m_file.errorString();
        return false;
    }
    QByteArray section;
    append32(section, kSectionHeader);
    append32(section, 0);
    append32(section, kByteOrderMagic);
    append16(section, 1); // version 1.0
    append16(section, 0);
    append32(section, 0xffffffff); // section length not given
    append32(section, 0xffffffff);
    QByteArray interface;
    append32(interface, kInterfaceDescription);
    append32(interface, 0);
    append16(interface, quint16(linkType));
    append16(interface, 0);
    append32(interface, snaplen);
    append16(interface, kOptionTsResolution);
    append16(interface, 1);
    interface.append(char(9)); // 10^-9 s
    interface.append(3, '\0');
    append16(interface, kOptionEnd);
    append16(interface, 0);
    return write(finishBlock(section)) && write(finishBlock(interface));
}

bool Writer::writePacket(qint64 timestampNs, quint32 originalLength, const uchar* data,
                         quint32 capturedLength, std::optional<quint32> flags)
{
    QByteArray b;
    b.reserve(int(capturedLength) + 48);
    append32(b, kEnhancedPacket);
    append32(b, 0);
    append32(b, 0); // interface 0
    append32(b, quint32(quint64(timestampNs) >> 32));
    append32(b, quint32(quint64(timestampNs) & 0xffffffff));
    append32(b, capturedLength);
    append32(b, originalLength);
    b.append(reinterpret_cast<const char*>(data), int(capturedLength));
    b.append(padded(capturedLength) - int(capturedLength), '\0');
    if (flags) {
        append16(b, kOptionFlags);
        append16(b, 4);
        append32(b, *flags);
        append16(b, kOptionEnd);
        append16(b, 0);
    }
    return write(finishBlock(b));
}

bool Writer::write(const QByteArray& bytes)
{
    if (m_file.write(bytes) != bytes.size()) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

bool Writer::close()
{
    const bool flushed = m_file.flush();
    if (!flushed)
        m_error = m_file.errorString();
    m_file.close();
    return flushed && m_error.isEmpty();
}

} // namespace pr::pcapng
