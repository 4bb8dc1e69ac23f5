#include "capture/protocol/message_sender.h"

#include <cerrno>
#include <chrono>
#include <poll.h>
#include <unistd.h>

namespace pr::proto {

MessageSender::MessageSender(int fd, std::size_t packetBudgetBytes)
    : m_fd(fd), m_packetBudget(packetBudgetBytes)
{}

void MessageSender::enqueue(Kind kind, const QByteArray& message)
{
    if (m_peerGone || message.isEmpty())
        return;
    m_queue.push_back({kind, message});
    if (kind == Kind::Packets)
        m_packetBytes += std::size_t(message.size());
}

void MessageSender::sendControl(const QByteArray& message)
{
    enqueue(Kind::Control, message);
}

void MessageSender::sendTotals(const QByteArray& message)
{
    if (m_peerGone)
        return;
    // Replace a queued Totals the socket has not started on: the newest
    // counters make the older ones worthless. The front entry may be half sent.
    for (std::size_t i = (m_frontWritten > 0 ? 1 : 0); i < m_queue.size(); ++i) {
        if (m_queue[i].kind == Kind::Totals) {
            m_queue[i].message = message;
            return;
        }
    }
    enqueue(Kind::Totals, message);
}

bool MessageSender::offerPackets(const QByteArray& message)
{
    if (m_peerGone || m_packetBytes + std::size_t(message.size()) > m_packetBudget)
        return false;
    enqueue(Kind::Packets, message);
    return true;
}

std::size_t MessageSender::queuedBytes() const
{
    std::size_t bytes = 0;
    for (const Entry& entry : m_queue)
        bytes += std::size_t(entry.message.size());
    return bytes - std::size_t(m_frontWritten);
}

void MessageSender::flush()
{
    while (!m_queue.empty() && !m_peerGone) {
        Entry& front = m_queue.front();
        const ssize_t n = ::write(m_fd, front.message.constData() + m_frontWritten,
                                  std::size_t(front.message.size() - m_frontWritten));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            // EPIPE, ECONNRESET, EBADF: nobody will read any of it.
            m_peerGone = true;
            m_queue.clear();
            m_frontWritten = 0;
            m_packetBytes = 0;
            return;
        }
        m_frontWritten += n;
        if (m_frontWritten == front.message.size()) {
            if (front.kind == Kind::Packets)
                m_packetBytes -= std::size_t(front.message.size());
            m_queue.pop_front();
            m_frontWritten = 0;
        }
    }
}

bool MessageSender::flushAll(int timeoutMs)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        flush();
        if (m_queue.empty() || m_peerGone)
            return m_queue.empty() && !m_peerGone;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0)
            return false;
        pollfd pfd{m_fd, POLLOUT, 0};
        if (::poll(&pfd, 1, int(left)) < 0 && errno != EINTR)
            return false;
    }
}

} // namespace pr::proto
