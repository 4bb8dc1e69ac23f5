#include "capture/client/helper_channel.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace pr {

HelperChannel::HelperChannel(int fd, QObject* parent) : QObject(parent), m_fd(fd)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &HelperChannel::onReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &HelperChannel::onWritable);
}

HelperChannel::~HelperChannel()
{
    close();
}

void HelperChannel::write(const QByteArray& bytes)
{
    if (m_fd < 0)
        return;
    m_outgoing.append(bytes);
    sendQueued();
}

void HelperChannel::sendQueued()
{
    while (m_fd >= 0 && !m_outgoing.isEmpty()) {
        // MSG_NOSIGNAL: a helper that went away must not SIGPIPE the GUI.
        const ssize_t n = ::send(m_fd, m_outgoing.constData(),
                                 static_cast<size_t>(m_outgoing.size()), MSG_NOSIGNAL);
        if (n > 0) {
            m_outgoing.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        // EPIPE and friends: reading will report the end.
        m_outgoing.clear();
        break;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(m_fd >= 0 && !m_outgoing.isEmpty());
}

void HelperChannel::flush(int timeoutMs)
{
    if (m_fd < 0 || m_outgoing.isEmpty())
        return;
    pollfd pfd{m_fd, POLLOUT, 0};
    if (::poll(&pfd, 1, timeoutMs) > 0)
        sendQueued();
}

bool HelperChannel::readPending(int timeoutMs)
{
    if (m_fd < 0)
        return false;
    pollfd pfd{m_fd, POLLIN, 0};
    if (::poll(&pfd, 1, timeoutMs) <= 0)
        return false;
    return onReadable();
}

bool HelperChannel::onReadable()
{
    QByteArray bytes;
    bool atEnd = false;
    char buffer[64 * 1024];
    // Bounded per call so a busy helper cannot starve the event loop.
    for (int round = 0; round < 16; ++round) {
        const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
        if (n > 0) {
            bytes.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        atEnd = n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK);
        break;
    }
    if (!bytes.isEmpty())
        emit received(bytes);
    if (atEnd && m_fd >= 0) {
        close();
        emit closed();
    }
    return !bytes.isEmpty();
}

void HelperChannel::onWritable()
{
    sendQueued();
}

void HelperChannel::close()
{
    if (m_fd < 0)
        return;
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_outgoing.clear();
}

} // namespace pr
