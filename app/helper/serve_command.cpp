// `packet-recorder-helper serve`: one recording driven over the helper
// protocol (capture/protocol/helper_protocol.h) on stdin/stdout.

#include "app/helper/commands.h"
#include "app/helper/serve_session.h"

#include "capture/engine/capture_options.h"
#include "capture/engine/frame_as_written.h"
#include "capture/engine/helper_session.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/privileges.h"
#include "capture/engine/recorder.h"
#include "capture/protocol/message_sender.h"
#include "capture/protocol/helper_protocol.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <poll.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace pr::helper {

namespace {

using namespace pr::proto;

constexpr int kInputFd = 0;
constexpr int kOutputFd = 1;
// How long the final messages may take to leave before we exit anyway.
constexpr int kFinalFlushTimeoutMs = 1'000;

std::atomic<Recorder*> g_recorder{nullptr};

void onTerminate(int)
{
    // requestStop() is async-signal-safe (an atomic store and an eventfd write).
    if (Recorder* recorder = g_recorder.load())
        recorder->requestStop();
}

void setNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// The packet's record for the GUI: time, lengths and the first bytes of the
// frame exactly as the writer puts them in the file (frameAsWritten(), the
// same function the writers use: VLAN tag put back, SLL2 header on "any" in
// classic pcap, cut at the snaplen; microsecond pcap keeps whole
// microseconds), so a row shows the same before and after the GUI reads it
// from the file.
PacketRecord recordFor(const PacketView& p, std::uint64_t offset, std::uint64_t number,
                       FrameLayout layout, std::uint32_t snaplen, std::uint32_t fileLinkType,
                       bool microseconds)
{
    PacketRecord r;
    r.number = number;
    r.timestampNs = microseconds ? p.timestampNs - p.timestampNs % 1000 : p.timestampNs;
    r.ifindex = p.ifindex;
    r.direction = p.direction;
    r.fileOffset = offset;
    const FrameAsWritten frame = frameAsWritten(p, layout, snaplen);
    r.capturedLength = frame.capturedLength;
    r.wireLength = frame.wireLength;
    r.linkType = layout == FrameLayout::LinuxSll2
                     ? kLinkTypeLinuxSll2
                     : linkTypeForArphrd(p.hatype).value_or(fileLinkType);
    std::uint8_t head[kMaxRecordHeadBytes];
    const std::uint32_t headLength = frame.copyTo(head, kMaxRecordHeadBytes);
    r.head = QByteArray(reinterpret_cast<const char*>(head), qsizetype(headLength));
    r.sourceProgram = p.sourceProgram;
    r.destinationProgram = p.destinationProgram;
    return r;
}

// The session's frames go to stdout, its log lines to stderr.
class FdOutput : public ServeOutput
{
public:
    explicit FdOutput(MessageSender& sender) : m_sender(sender) {}

    void sendControl(const QByteArray& frame) override { m_sender.sendControl(frame); }
    void sendTotals(const QByteArray& frame) override { m_sender.sendTotals(frame); }
    void flush() override { m_sender.flush(); }
    bool peerGone() const override { return m_sender.peerGone(); }
    bool backedUp() const override
    {
        return m_sender.queuedBytes() >= MessageSender::kDefaultPacketBudget;
    }
    void log(const QByteArray& line) override
    {
        std::fprintf(stderr, "packet-recorder-helper: %s\n", line.constData());
    }

private:
    MessageSender& m_sender;
};

// The real recording: created when Start arrives, set up by HelperSession
// (the packet socket and the file, then the seccomp filter).
class ServeRecording : public ServeRecorder
{
public:
    ServeRecording(HelperSession& session, pid_t parent) : m_session(session), m_parent(parent) {}

    CaptureError start(const CaptureOptions& options, bool overwrite, StartedInfo* started) override
    {
        Recorder& recorder = m_recorder.emplace();
        g_recorder.store(&recorder);
        struct sigaction action = {};
        action.sa_handler = onTerminate;
        sigemptyset(&action.sa_mask);
        for (int sig : {SIGTERM, SIGINT, SIGHUP})
            ::sigaction(sig, &action, nullptr);
        if (::getppid() != m_parent)
            recorder.requestStop();

        // A file that existed before is never removed on failure; one this
        // start created is (unlink is not on the seccomp allow-list, and should
        // not be, so this happens before restrict()).
        CaptureError error = m_session.prepare(recorder, options, overwrite);
        if (!error) {
            error = m_session.restrict(recorder, {kOutputFd, STDERR_FILENO});
            if (error)
                m_session.discardOutput();
        }
        if (error) {
            g_recorder.store(nullptr);
            return error;
        }
        started->linkType = recorder.linkType();
        for (const WriterInterface& entry : recorder.interfaces())
            started->interfaces.append(
                {entry.ifindex, QString::fromStdString(entry.name).left(15), entry.linkType});
        return {};
    }

    void requestStop() override
    {
        if (m_recorder)
            m_recorder->requestStop();
    }

    Recorder& recorder() { return *m_recorder; }

private:
    HelperSession& m_session;
    pid_t m_parent;
    std::optional<Recorder> m_recorder;
};

// Turns the recorder's callbacks into protocol messages and the GUI's bytes
// into the session. Never blocks.
class ServeObserver : public RecorderObserver
{
public:
    ServeObserver(Recorder& recorder, MessageSender& out, ServeSession& session,
                  const CaptureOptions& options)
        : m_out(out), m_session(session),
          m_layout(
              frameLayoutFor(options.interfaceName == "any", options.format == FileFormat::Pcapng)),
          m_snaplen(options.snaplen), m_fileLinkType(recorder.linkType()),
          m_microseconds(options.format == FileFormat::PcapMicroseconds)
    {}

    void packetsWritten(std::span<const PacketView> packets,
                        std::span<const std::uint64_t> recordOffsets) override
    {
        // CLOCK_MONOTONIC, through the vDSO (clock_gettime is on the seccomp
        // allow-list for its fallback).
        const auto now = std::chrono::steady_clock::now().time_since_epoch();
        const RecordSelection selection = m_session.selectRecords(
            packets.size(), std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
        m_out.flush();
        std::size_t i = selection.first;
        while (i < packets.size()) {
            const std::size_t n =
                std::min<std::size_t>(packets.size() - i, std::size_t(kMaxPacketsPerMessage));
            // Skip the encoding work when the socket is already backed up.
            if (m_out.peerGone() ||
                m_out.queuedPacketBytes() >= MessageSender::kDefaultPacketBudget) {
                m_session.countNotShown(n);
                i += n;
                continue;
            }
            QList<PacketRecord> records;
            records.reserve(qsizetype(n));
            for (std::size_t k = i; k < i + n; ++k)
                records.append(recordFor(packets[k],
                                         k < recordOffsets.size() ? recordOffsets[k] : 0,
                                         selection.firstNumber + k, m_layout, m_snaplen,
                                         m_fileLinkType, m_microseconds));
            if (!m_out.offerPackets(encodePackets(records)))
                m_session.countNotShown(n);
            i += n;
        }
        m_out.flush();
    }

    void tick(const CaptureTotals& totals) override { m_session.tick(totals); }

    void programsChanged(std::span<const ProgramTotals> programs) override
    {
        m_session.programsChanged(programs);
    }

    void fileStarted(std::uint32_t number, const std::string& path,
                     std::uint32_t filesKept) override
    {
        m_session.fileStarted(number, path, filesKept);
    }

    void interfaceEnded(const std::string& name, const std::string& message) override
    {
        (void)message; // the GUI words it in the user's language
        m_session.interfaceEnded(name);
    }

    void extraFdReadable() override
    {
        // A bounded amount per wake-up, so a peer that floods the control
        // channel cannot starve the capture loop.
        constexpr int kMaxReadsPerWakeup = 8;
        char buffer[16384];
        for (int reads = 0; reads < kMaxReadsPerWakeup && m_session.wantsInput(); ++reads) {
            const ssize_t n = ::read(kInputFd, buffer, sizeof buffer);
            if (n > 0) {
                m_session.feed(QByteArrayView(buffer, n));
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // End of file (or a broken socket): the GUI went away.
            m_session.endOfFile();
            break;
        }
    }

private:
    MessageSender& m_out;
    ServeSession& m_session;
    FrameLayout m_layout;
    std::uint32_t m_snaplen;
    std::uint32_t m_fileLinkType;
    bool m_microseconds;
};

// Hello, then Start: reads until the session leaves the handshake, each
// message within kHandshakeTimeoutMs (the recording reads through the
// observer).
void runHandshake(ServeSession& session)
{
    using Clock = std::chrono::steady_clock;
    auto waitingFor = session.state();
    auto deadline = Clock::now() + std::chrono::milliseconds(kHandshakeTimeoutMs);
    while (session.inHandshake()) {
        if (session.state() != waitingFor) {
            waitingFor = session.state();
            deadline = Clock::now() + std::chrono::milliseconds(kHandshakeTimeoutMs);
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            session.handshakeTimedOut();
            return;
        }
        pollfd pfd{kInputFd, POLLIN, 0};
        if (::poll(&pfd, 1, int(left)) < 0 && errno != EINTR) {
            session.handshakeFailed(
                {ErrorCode::SystemError, QStringLiteral("Cannot wait for the control channel: %1.")
                                             .arg(QString::fromLocal8Bit(std::strerror(errno)))});
            return;
        }
        char buffer[16384];
        const ssize_t n = ::read(kInputFd, buffer, sizeof buffer);
        if (n > 0)
            session.feed(QByteArrayView(buffer, n));
        else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR))
            session.endOfFile();
    }
}

} // namespace

int runServe(int argc, char** argv, HelperSession& session)
{
    // Already the user (main() dropped privileges): --help and --version,
    // and refuse anything else, before touching signals or the channel.
    if (argc > 1) {
        if (argc == 2 && isHelpOption(argv[1])) {
            printUsage(stdout, "serve");
            return kExitOk;
        }
        if (argc == 2 && isVersionOption(argv[1])) {
            printVersion();
            return kExitOk;
        }
        std::fprintf(stderr, "packet-recorder-helper: serve takes no arguments, not \"%s\"\n",
                     argv[1]);
        printUsage(stderr, "serve");
        return kExitProtocolError;
    }
    // The GUI's death reaches us as SIGTERM even if something else still
    // holds the other end of stdin; end of file on stdin is the usual signal.
    // A parent that died before prctl() shows as a changed getppid().
    const pid_t parent = ::getppid();
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (::getppid() != parent)
        return kExitProtocolError;
    // A GUI that closes its end turns writes into EPIPE instead of killing us.
    std::signal(SIGPIPE, SIG_IGN);
    setNonBlocking(kInputFd);
    setNonBlocking(kOutputFd);

    MessageSender out(kOutputFd);
    FdOutput output(out);
    ServeRecording recording(session, parent);
    ServeSession serve(output, recording);
    runHandshake(serve);
    if (serve.state() == ServeSession::State::Ended) {
        out.flushAll(kFinalFlushTimeoutMs);
        return serve.exitCode();
    }

    Recorder& recorder = recording.recorder();
    const CaptureOptions& options = serve.options();
    ServeObserver observer(recorder, out, serve, options);
    const CaptureError runError = recorder.run(observer, kInputFd);
    g_recorder.store(nullptr);
    session.closeOutput();

    serve.finish(runError, recorder.totals());
    out.flushAll(kFinalFlushTimeoutMs);
    return serve.exitCode();
}

} // namespace pr::helper
