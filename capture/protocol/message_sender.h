#pragma once

#include <QByteArray>

#include <cstddef>
#include <deque>

namespace pr::proto {

// Sends protocol messages on a non-blocking descriptor without ever waiting for the
// reader, so the capture loop keeps its pace when the GUI is slow:
//  - control messages (Hello, Started, Warning, Error, Stopped) are always queued;
//  - Totals are coalesced: a newer Totals replaces one not yet started;
//  - Packets messages are refused once packetBudgetBytes of them are queued
//    (the caller counts those records as notShown).
// Messages leave in the order they were queued, and a message that was partly
// written is always completed before the next one starts. Plain POSIX (write,
// poll), so it works under the helper's seccomp allow-list.
class MessageSender
{
public:
    static constexpr std::size_t kDefaultPacketBudget = 1u << 20;

    // fd must be non-blocking. SIGPIPE should be ignored by the process.
    explicit MessageSender(int fd, std::size_t packetBudgetBytes = kDefaultPacketBudget);

    void sendControl(const QByteArray& message);
    void sendTotals(const QByteArray& message);
    // False when the message was dropped: over budget, or the peer is gone.
    bool offerPackets(const QByteArray& message);

    // Writes what the socket takes now.
    void flush();
    // Waits (poll) up to timeoutMs for everything queued to leave; for the last
    // message before exiting. True when all was written.
    bool flushAll(int timeoutMs);

    bool peerGone() const { return m_peerGone; }
    std::size_t queuedBytes() const;
    std::size_t queuedPacketBytes() const { return m_packetBytes; }

private:
    enum class Kind
    {
        Control,
        Totals,
        Packets
    };
    struct Entry
    {
        Kind kind;
        QByteArray message;
    };

    void enqueue(Kind kind, const QByteArray& message);

    int m_fd;
    std::size_t m_packetBudget;
    std::deque<Entry> m_queue;
    qsizetype m_frontWritten = 0; // bytes of m_queue.front() already sent
    std::size_t m_packetBytes = 0;
    bool m_peerGone = false;
};

} // namespace pr::proto
