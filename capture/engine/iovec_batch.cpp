#include "capture/engine/iovec_batch.h"

#include <cerrno>
#include <climits>
#include <cstring>

#include <unistd.h>

namespace pr {

namespace {
#ifdef IOV_MAX
constexpr std::size_t kMaxIovecs = IOV_MAX;
#else
constexpr std::size_t kMaxIovecs = 1024;
#endif
} // namespace

void IovecBatch::begin(std::size_t maxHeaderBytes)
{
    if (maxHeaderBytes > m_headerCapacity) {
        // Grow geometrically so a slowly rising batch size settles quickly.
        std::size_t capacity = m_headerCapacity ? m_headerCapacity : 4096;
        while (capacity < maxHeaderBytes)
            capacity *= 2;
        m_header = std::make_unique<std::uint8_t[]>(capacity);
        m_headerCapacity = capacity;
    }
    m_headerUsed = 0;
    m_iov.clear();
    m_recordStarts.clear();
    m_pendingBytes = 0;
}

std::uint64_t IovecBatch::wholeRecordBytes(std::uint64_t written, std::size_t* records) const
{
    // Record k is whole when the next one starts at or before `written`.
    std::size_t whole = 0;
    while (whole + 1 < m_recordStarts.size() && m_recordStarts[whole + 1] <= written)
        ++whole;
    if (m_recordStarts.empty() || m_recordStarts[0] > written) {
        *records = 0;
        return 0;
    }
    *records = whole;
    return m_recordStarts[whole];
}

int IovecBatch::writeTo(int fd, std::uint64_t* written)
{
    std::size_t index = 0;
    const std::size_t count = m_iov.size();
    while (index < count) {
        const std::size_t chunk = std::min(count - index, kMaxIovecs);
        const ssize_t result = ::writev(fd, &m_iov[index], static_cast<int>(chunk));
        if (result < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (result == 0) {
            // Nothing written is an error only if there was something to write
            // (a batch of empty iovecs, such as an empty block list, is not).
            std::size_t bytes = 0;
            for (std::size_t i = index; i < index + chunk; ++i)
                bytes += m_iov[i].iov_len;
            if (bytes != 0)
                return EIO;
            index += chunk;
            continue;
        }
        *written += static_cast<std::uint64_t>(result);
        // A short write ends anywhere, even inside an iovec: resume there.
        auto left = static_cast<std::size_t>(result);
        while (left > 0) {
            iovec& entry = m_iov[index];
            if (left >= entry.iov_len) {
                left -= entry.iov_len;
                ++index;
            } else {
                entry.iov_base = static_cast<std::uint8_t*>(entry.iov_base) + left;
                entry.iov_len -= left;
                left = 0;
            }
        }
    }
    return 0;
}

bool BatchFileOutput::commit(const char* what)
{
    if (failed())
        return false;
    std::uint64_t written = 0;
    const int error = m_batch.writeTo(m_fd, &written);
    if (error == 0) {
        m_bytesWritten += written;
        m_lastCommitRecords = m_batch.recordCount();
        return true;
    }
    // A full disk usually lets writev() write part of the batch first: keep
    // the records that made it whole and cut the rest off, so the file ends
    // on a record boundary. Fails harmlessly on descriptors that cannot be
    // truncated (a pipe keeps what it got).
    std::size_t records = 0;
    const std::uint64_t keep = m_batch.wholeRecordBytes(written, &records);
    m_lastCommitRecords = records;
    if (written > keep) {
        const auto end = static_cast<off_t>(m_bytesWritten + keep);
        if (::ftruncate(m_fd, end) == 0)
            ::lseek(m_fd, end, SEEK_SET);
        else
            m_bytesWritten += written - keep;
    }
    m_bytesWritten += keep;
    m_errorNumber = error;
    fail(std::string("Could not write ") + what + ": " + std::strerror(error));
    return false;
}

void BatchFileOutput::fail(const std::string& message)
{
    if (m_error.empty())
        m_error = message.empty() ? std::string("write failed") : message;
}

} // namespace pr
