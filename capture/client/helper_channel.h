#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace pr {

// Our end of the socketpair to the helper: non-blocking reads and writes on a
// plain descriptor driven by QSocketNotifier (QtCore only, no QtNetwork).
class HelperChannel : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of fd.
    explicit HelperChannel(int fd, QObject* parent = nullptr);
    ~HelperChannel() override;

    bool isOpen() const { return m_fd >= 0; }
    // Queues bytes; they go out as the socket takes them.
    void write(const QByteArray& bytes);
    // Reads what the kernel has buffered (waiting at most timeoutMs for
    // something to arrive) and emits received(); true when bytes were read.
    bool readPending(int timeoutMs);
    // Tries to push queued bytes out for at most timeoutMs.
    void flush(int timeoutMs);
    void close();

signals:
    void received(const QByteArray& bytes);
    void closed(); // end of file or an error; the descriptor is closed

private:
    bool onReadable();
    void onWritable();
    void sendQueued();

    int m_fd = -1;
    QSocketNotifier* m_readNotifier = nullptr;
    QSocketNotifier* m_writeNotifier = nullptr;
    QByteArray m_outgoing;
};

} // namespace pr
