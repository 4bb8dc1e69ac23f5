#include "capture/files/pcapng_blocks.h"

#include "capture/pcapng/pcapng_blocks.h"

#include <QCoreApplication>

namespace pr::pcapng {

namespace {

// lupdate finds strings passed to Class::tr(); this gives them their context.
struct CaptureFileText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureFileReader)
};

} // namespace

bool Writer::open(const QString& path)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = m_file.errorString();
        return false;
    }
    m_block.clear();
    appendSectionHeader(m_block);
    return writeBlock();
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
    m_block.clear();
    appendInterfaceDescription(m_block, quint16(linkType), snaplen);
    return writeBlock();
}

bool Writer::writePacket(qint64 timestampNs, quint32 originalLength, const uchar* data,
                         quint32 capturedLength, std::optional<quint32> flags, quint32 interfaceId)
{
    m_block.clear();
    appendEnhancedPacket(m_block, {.interfaceId = interfaceId,
                                   .timestampNs = quint64(timestampNs),
                                   .originalLength = originalLength,
                                   .data = {data, capturedLength},
                                   .flags = flags});
    return writeBlock();
}

bool Writer::writeBlock()
{
    const auto size = qint64(m_block.size());
    if (m_file.write(reinterpret_cast<const char*>(m_block.data()), size) != size) {
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
