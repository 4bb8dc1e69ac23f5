#pragma once

#include "capture/engine/capture_options.h"
#include "capture/files/capture_file_scanner.h"
#include "capture/remote/remote_machine.h"
#include "capture/remote/remote_target.h"
#include "capture/remote/ssh_command.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;
class QTimer;

namespace pr::remote {

// What the clock exchange found: the remote clock minus this desktop's, as
// NTP estimates it from the exchange with the shortest round trip.
struct ClockOffset
{
    qint64 offsetNs = 0;
    qint64 roundTripNs = 0;
    bool known = false;
};

// One interface of another machine recorded over one ssh session
// (remote_scripts.h's recordCommand): the method line, the clock exchange,
// then the capture stream, read record by record as it arrives. The bytes
// go through a memory file that CaptureFileScanner reads (the same reader
// as for files on disk, pcap or pcapng, either byte order); what was read
// is given back to the kernel, so memory stays at what is in flight.
class RemoteStream : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Connecting,  // ssh runs, the machine has not said how it records
        Syncing,     // the clock exchange
        Streaming,   // capture bytes arrive
        Finished,    // the stream ended after stop() (or its own end)
        Failed,      // failure() says why; what arrived is kept
    };

    // The packet just read: data holds packet.capturedLength bytes, and both
    // are valid during the call only. comments: the packet's opt_comment.
    using PacketHandler = std::function<void(const ScannedPacket& packet,
                                             const std::uint8_t* data)>;

    RemoteStream(const RemoteTarget& target, const CaptureOptions& options,
                 bool leaveOutSession, const SshOptions& ssh, QObject* parent = nullptr);
    ~RemoteStream() override;

    const RemoteTarget& target() const { return m_target; }
    State state() const { return m_state; }
    RecordMethod method() const { return m_method; }
    ClockOffset clockOffset() const { return m_clock; }
    // The ssh connection that carries the stream, as SSH_CONNECTION names
    // it there ("198.18.8.5 50022 198.18.8.6 22"); empty until said.
    QString session() const { return m_session; }
    // The stream's interfaces once its header arrived (one: this interface).
    const CaptureLayout& layout() const { return m_scanner.layout(); }
    bool hasHeader() const { return m_scanner.hasHeader(); }
    // Kernel drops on the remote interface, as the remote recorder said
    // (each second from our helper; at the end from tcpdump).
    quint64 kernelDrops() const { return m_kernelDrops; }
    // Capture bytes that arrived (after ssh's decompression).
    quint64 streamBytes() const { return m_streamBytes; }
    quint64 packets() const { return m_scanner.packets(); }
    // The ssh process that holds the network connection (the machine's
    // shared master, else this stream's own ssh); 0 until known.
    qint64 channelProcess() const { return m_channelProcess; }
    // What that process had read when the stream began.
    quint64 channelBytesAtStart() const { return m_channelStartBytes; }
    QString failure() const { return m_failure; }
    // The last lines the remote side printed on standard error.
    QStringList standardError() const { return m_standardError; }

    void setPacketHandler(PacketHandler handler) { m_handler = std::move(handler); }
    // A local target: the helper to run (empty: defaultHelperPath()).
    void setLocalHelperPath(const QString& path) { m_localHelperPath = path; }
    // Before start(): a filter expression the recording also applies (the
    // ssh connections of the other streams, for a local interface).
    void leaveOut(const QString& expression);
    void start();
    // Closes the session's input: the remote recorder finishes its stream
    // and exits. After a grace period the session is cut.
    void stop();
    // Cuts the session now (ssh killed): the stream ends at the last whole
    // record that arrived.
    void abort();

signals:
    void stateChanged(pr::remote::RemoteStream::State state);
    void headerArrived();
    void sessionKnown();
    void packetsArrived(); // after the handler saw them

private:
    void onOutput();
    void onStandardError();
    void onFinished(int exitCode);
    void handleLine(const QByteArray& line);
    void sendClockQuestion();
    void appendStream(const char* data, qsizetype size);
    void setState(State state);
    void findChannelProcess();
    void fail(const QString& sentence);

    RemoteTarget m_target;
    CaptureOptions m_options;
    bool m_leaveOutSession = true;
    SshOptions m_ssh;
    QProcess* m_process = nullptr;
    QTimer* m_grace = nullptr;
    State m_state = State::Connecting;
    RecordMethod m_method = RecordMethod::Unknown;
    QString m_why;
    QString m_session;
    QByteArray m_lines;
    QStringList m_standardError;
    QByteArray m_errorPending;
    ClockOffset m_clock;
    int m_clockAnswers = 0;
    qint64 m_questionRealNs = 0;
    qint64 m_questionMonoNs = 0;
    int m_memoryFile = -1;
    quint64 m_streamBytes = 0;
    quint64 m_givenBack = 0;
    CaptureFileScanner m_scanner;
    PacketHandler m_handler;
    quint64 m_kernelDrops = 0;
    QString m_failure;
    bool m_stopping = false;
    QString m_localHelperPath;
    qint64 m_channelProcess = 0;
    quint64 m_channelStartBytes = 0;
};

} // namespace pr::remote
