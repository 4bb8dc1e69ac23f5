#include "capture/remote/merged_capture_file.h"

#include "capture/pcapng/block_builder.h"
#include "capture/pcapng/pcapng_blocks.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <string_view>

#include <fcntl.h>
#include <unistd.h>

namespace pr::remote {
namespace {

// Blocks are gathered and written in one call past this size (or on flush).
constexpr std::size_t kBufferBytes = 256 * 1024;

} // namespace

MergedCaptureFile::~MergedCaptureFile()
{
    if (m_fd >= 0)
        close();
}

bool MergedCaptureFile::open(const QString& path, bool overwrite)
{
    m_path = path;
    m_fd = ::open(QFile::encodeName(path).constData(),
                  O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL), 0644);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    pcapng::appendSectionHeader(m_buffer);
    return flush();
}

std::optional<std::uint32_t> MergedCaptureFile::addInterface(std::uint16_t linkType,
                                                            std::uint32_t snaplen,
                                                            const QString& name,
                                                            const QString& description)
{
    const QByteArray nameBytes = name.toUtf8();
    const QByteArray descriptionBytes = description.toUtf8();
    pcapng::appendInterfaceDescription(
        m_buffer, linkType, snaplen, std::string_view(nameBytes.constData(), nameBytes.size()),
        std::string_view(descriptionBytes.constData(), descriptionBytes.size()));
    return m_interfaces++;
}

std::optional<std::uint64_t> MergedCaptureFile::writePacket(
    std::uint32_t interfaceId, std::int64_t timestampNs, std::uint32_t originalLength,
    const std::uint8_t* data, std::uint32_t capturedLength, std::optional<std::uint32_t> flags,
    const QList<QByteArray>& comments)
{
    const std::uint64_t offset = bytes();
    std::vector<std::string_view> commentViews;
    for (const QByteArray& comment : comments)
        commentViews.emplace_back(comment.constData(), comment.size());
    pcapng::appendEnhancedPacket(m_buffer, {.interfaceId = interfaceId,
                                            .timestampNs = std::uint64_t(timestampNs),
                                            .originalLength = originalLength,
                                            .data = {data, capturedLength},
                                            .flags = flags,
                                            .comments = commentViews});
    if (m_buffer.size() >= kBufferBytes && !writeOut())
        return std::nullopt;
    return offset;
}

bool MergedCaptureFile::writeStatistics(std::uint32_t interfaceId, std::int64_t startNs,
                                        std::int64_t endNs, std::uint64_t received,
                                        std::uint64_t dropped)
{
    pcapng::BlockBuilder isb(m_buffer, pcapng::kBlockInterfaceStatistics);
    isb.put32(interfaceId);
    isb.putTimestamp(std::uint64_t(endNs));
    isb.timestampOption(pcapng::kOptIsbStartTime, std::uint64_t(startNs));
    isb.timestampOption(pcapng::kOptIsbEndTime, std::uint64_t(endNs));
    isb.option64(pcapng::kOptIsbIfRecv, received);
    isb.option64(pcapng::kOptIsbIfDrop, dropped);
    isb.finish();
    return flush();
}

bool MergedCaptureFile::writeOut()
{
    std::size_t done = 0;
    while (done < m_buffer.size()) {
        const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            m_diskFull = errno == ENOSPC || errno == EDQUOT;
            m_error = QString::fromLocal8Bit(std::strerror(errno));
            // A block written in part is cut off again: whole blocks only.
            if (done > 0 && ::ftruncate(m_fd, off_t(m_written)) == 0)
                ::lseek(m_fd, off_t(m_written), SEEK_SET);
            m_buffer.clear();
            return false;
        }
        done += std::size_t(n);
    }
    m_written += m_buffer.size();
    m_buffer.clear();
    return true;
}

bool MergedCaptureFile::flush()
{
    return m_fd >= 0 && writeOut();
}

bool MergedCaptureFile::close()
{
    if (m_fd < 0)
        return false;
    const bool flushed = writeOut();
    const bool closed = ::close(m_fd) == 0;
    m_fd = -1;
    return flushed && closed;
}

} // namespace pr::remote
