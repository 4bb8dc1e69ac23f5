#include "capture/files/pcapng_blocks.h"

#include <QCoreApplication>
#include <QtEndian>

namespace pr::pcapng {

namespace {

// lupdate finds strings passed to Class::tr(); this gives them their context.
struct CaptureFileText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureFileReader)
};

constexpr quint32 kSectionHeader = 0x0a0d0d0a;
constexpr quint32 kInterfaceDescription = 1;
constexpr quint32 kEnhancedPacket = 6;
constexpr quint32 kByteOrderMagic = 0x1a2b3c4d;
constexpr quint16 kOptionEnd = 0;
constexpr quint16 kOptionFlags = 2;        // epb_flags
constexpr quint16 kOptionTsResolution = 9; // if_tsresol

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

bool Writer::open(const QString& path)
{
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
    return write(finishBlock(section));
}

bool Writer::open(const QString& path, quint32 linkType, quint32 snaplen)
{
    return open(path) && addInterface(linkType, snaplen);
}

bool Writer::addInterface(quint32 linkType, quint32 snaplen)
{
    if (linkType > 0xffff) { // a pcap header has 26 bits for it; the block has 16
        m_error =
            CaptureFileText::tr("Link type %1 cannot be stored in a pcapng file.").arg(linkType);
        return false;
    }
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
    return write(finishBlock(interface));
}

bool Writer::writePacket(qint64 timestampNs, quint32 originalLength, const uchar* data,
                         quint32 capturedLength, std::optional<quint32> flags, quint32 interfaceId)
{
    QByteArray b;
    b.reserve(int(capturedLength) + 48);
    append32(b, kEnhancedPacket);
    append32(b, 0);
    append32(b, interfaceId);
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
