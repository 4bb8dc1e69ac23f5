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
    m_pendingBytes = 0;
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
        return true;
    }
    // Cut a partly written batch off so the file ends on a whole record;
    // fails harmlessly on descriptors that cannot be truncated.
    if (written > 0) {
        const auto start = static_cast<off_t>(m_bytesWritten);
        if (::ftruncate(m_fd, start) == 0)
            ::lseek(m_fd, start, SEEK_SET);
        else
            m_bytesWritten += written;
    }
    fail(std::string("Could not write ") + what + ": " + std::strerror(error));
    return false;
}

void BatchFileOutput::fail(const std::string& message)
{
    if (m_error.empty())
        m_error = message.empty() ? std::string("write failed") : message;
}

} // namespace pr
