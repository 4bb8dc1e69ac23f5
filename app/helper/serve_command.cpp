// `packet-recorder-helper serve`: one recording driven over the helper
// protocol (capture/protocol/helper_protocol.h) on stdin/stdout.

#include "app/helper/commands.h"

#include "capture/engine/capture_options.h"
#include "capture/engine/helper_session.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/privileges.h"
#include "capture/engine/recorder.h"
#include "capture/protocol/frame_sender.h"
#include "capture/protocol/helper_protocol.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace pr::helper {

namespace {

using namespace pr::proto;

constexpr int kInputFd = 0;
constexpr int kOutputFd = 1;
// The GUI sends Hello and Start right after launching us; a peer that does
// not is not a GUI.
constexpr int kHandshakeTimeoutMs = 30'000;
// How long the final messages may take to leave before we exit anyway.
constexpr int kFinalFlushTimeoutMs = 1'000;

enum ExitCode
{
    kExitOk = 0,
    kExitCaptureError = 1,
    kExitProtocolError = 2
};

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

ErrorCode toProtocolCode(CaptureErrorCode code)
{
    switch (code) {
    case CaptureErrorCode::None:
        return ErrorCode::Unknown;
    case CaptureErrorCode::UnknownInterface:
        return ErrorCode::UnknownInterface;
    case CaptureErrorCode::InterfaceDown:
        return ErrorCode::InterfaceDown;
    case CaptureErrorCode::UnsupportedLinkType:
        return ErrorCode::UnsupportedLinkType;
    case CaptureErrorCode::BadFilter:
        return ErrorCode::BadFilter;
    case CaptureErrorCode::OutputNotWritable:
        return ErrorCode::OutputNotWritable;
    case CaptureErrorCode::NoPrivilege:
        return ErrorCode::NoPrivilege;
    case CaptureErrorCode::OutOfRange:
        return ErrorCode::OutOfRange;
    case CaptureErrorCode::SystemError:
        return ErrorCode::SystemError;
    case CaptureErrorCode::RingTooLarge:
        return ErrorCode::RingTooLarge;
    case CaptureErrorCode::TooManyRecordings:
        return ErrorCode::TooManyRecordings;
    case CaptureErrorCode::OutputExists:
        return ErrorCode::OutputExists;
    }
    return ErrorCode::Unknown;
}

CaptureOptions toCaptureOptions(const StartRequest& request)
{
    CaptureOptions options;
    options.interfaceName = request.interfaceName.toStdString();
    options.filter = request.filter.toStdString();
    options.snaplen = request.snaplen;
    options.promiscuous = request.promiscuous;
    options.ringBytes = request.ringBytes;
    parseFileFormat(request.format.toStdString(), &options.format); // validated by the decoder
    options.outputPath = request.outputPath.toStdString();
    options.stop.durationSeconds = request.stopAfterSeconds;
    options.stop.packetCount = request.stopAfterPackets;
    options.stop.fileBytes = request.stopAfterBytes;
    return options;
}

// Rates are over the interval since the previous tick, so the GUI shows what
// happens now rather than a since-the-start average.
class TotalsConverter
{
public:
    TotalsInfo convert(const CaptureTotals& t, std::uint64_t notShown)
    {
        TotalsInfo out;
        out.packets = t.packets;
        out.wireBytes = t.wireBytes;
        out.capturedBytes = t.capturedBytes;
        out.incoming = {t.incoming.packets, t.incoming.bytes};
        out.outgoing = {t.outgoing.packets, t.outgoing.bytes};
        out.other = {t.other.packets, t.other.bytes};
        out.kernelDrops = t.kernelDrops;
        out.tcpPayloadBytes = t.tcpPayloadBytes;
        out.udpPayloadBytes = t.udpPayloadBytes;
        out.fileBytes = t.fileBytes;
        out.notShown = notShown;
        out.elapsedSeconds = double(std::max<std::int64_t>(t.elapsedNs, 0)) / 1e9;
        const double dt = double(t.elapsedNs - m_previous.elapsedNs) / 1e9;
        if (dt > 0) {
            auto rate = [dt](std::uint64_t now, std::uint64_t before) {
                return now >= before ? double(now - before) / dt : 0.0;
            };
            out.packetsPerSecond = rate(t.packets, m_previous.packets);
            out.bitsPerSecond = 8 * rate(t.wireBytes, m_previous.wireBytes);
            out.incomingPacketsPerSecond = rate(t.incoming.packets, m_previous.incoming.packets);
            out.outgoingPacketsPerSecond = rate(t.outgoing.packets, m_previous.outgoing.packets);
            out.incomingBitsPerSecond = 8 * rate(t.incoming.bytes, m_previous.incoming.bytes);
            out.outgoingBitsPerSecond = 8 * rate(t.outgoing.bytes, m_previous.outgoing.bytes);
            m_previous = t;
            m_last = out;
        } else {
            // Same instant as the last tick (the final tick): keep its rates.
            out.packetsPerSecond = m_last.packetsPerSecond;
            out.bitsPerSecond = m_last.bitsPerSecond;
            out.incomingPacketsPerSecond = m_last.incomingPacketsPerSecond;
            out.outgoingPacketsPerSecond = m_last.outgoingPacketsPerSecond;
            out.incomingBitsPerSecond = m_last.incomingBitsPerSecond;
            out.outgoingBitsPerSecond = m_last.outgoingBitsPerSecond;
        }
        return out;
    }

private:
    CaptureTotals m_previous;
    TotalsInfo m_last;
};

// The first bytes of a frame exactly as the writer puts it in the file: with
// the VLAN tag the kernel stripped put back, or, for "any" in classic pcap,
// behind the 20-byte LINKTYPE_LINUX_SLL2 header built from sockaddr_ll.
PacketRecord recordFor(const PacketView& p, std::uint64_t offset, bool sll2,
                       std::uint32_t fileLinkType)
{
    PacketRecord r;
    r.timestampNs = p.timestampNs;
    r.ifindex = p.ifindex;
    r.direction = proto::Direction(p.direction);
    r.fileOffset = offset;
    r.head.reserve(kMaxRecordHeadBytes);
    auto appendData = [&r, &p](std::uint32_t from, std::uint32_t to) {
        to = std::min(to, p.dataLength);
        if (from < to)
            r.head.append(reinterpret_cast<const char*>(p.data) + from,
                          qsizetype(std::min<std::uint32_t>(
                              to - from, std::uint32_t(kMaxRecordHeadBytes - r.head.size()))));
    };
    if (sll2) {
        const std::uint32_t networkLength =
            p.dataLength > p.networkOffset ? p.dataLength - p.networkOffset : 0;
        const std::uint32_t originalNetwork =
            p.originalLength > p.networkOffset ? p.originalLength - p.networkOffset : 0;
        const auto ifindex = std::uint32_t(p.ifindex);
        const unsigned char header[20] = {std::uint8_t(p.protocol >> 8),
                                          std::uint8_t(p.protocol),
                                          0,
                                          0,
                                          std::uint8_t(ifindex >> 24),
                                          std::uint8_t(ifindex >> 16),
                                          std::uint8_t(ifindex >> 8),
                                          std::uint8_t(ifindex),
                                          std::uint8_t(p.hatype >> 8),
                                          std::uint8_t(p.hatype),
                                          p.packetType,
                                          p.addressLength,
                                          p.address[0],
                                          p.address[1],
                                          p.address[2],
                                          p.address[3],
                                          p.address[4],
                                          p.address[5],
                                          p.address[6],
                                          p.address[7]};
        r.head.append(reinterpret_cast<const char*>(header), sizeof header);
        appendData(p.networkOffset, p.dataLength);
        r.linkType = kLinkTypeLinuxSll2;
        r.capturedLength = networkLength + sizeof header;
        r.wireLength = originalNetwork + sizeof header;
        return r;
    }
    r.linkType = linkTypeForArphrd(p.hatype).value_or(fileLinkType);
    r.capturedLength = p.capturedLength();
    r.wireLength = p.wireLength();
    if (p.hasVlanTag) {
        appendData(0, 12);
        r.head.append(reinterpret_cast<const char*>(p.vlanTag), 4);
        appendData(12, p.dataLength);
    } else {
        appendData(0, p.dataLength);
    }
    return r;
}

// Turns the recorder's callbacks into protocol messages and the GUI's
// messages into recorder calls. Never blocks.
class ServeObserver : public RecorderObserver
{
public:
    ServeObserver(Recorder& recorder, FrameSender& out, FrameDecoder& in, bool sll2)
        : m_recorder(recorder), m_out(out), m_in(in), m_sll2(sll2),
          m_fileLinkType(recorder.linkType())
    {}

    void packetsWritten(std::span<const PacketView> packets,
                        std::span<const std::uint64_t> recordOffsets) override
    {
        m_out.flush();
        std::size_t i = 0;
        while (i < packets.size()) {
            const std::size_t n =
                std::min<std::size_t>(packets.size() - i, std::size_t(kMaxPacketsPerMessage));
            // Skip the encoding work when the socket is already backed up.
            if (m_out.peerGone() ||
                m_out.queuedPacketBytes() >= FrameSender::kDefaultPacketBudget) {
                m_notShown += n;
                i += n;
                continue;
            }
            QList<PacketRecord> records;
            records.reserve(qsizetype(n));
            for (std::size_t k = i; k < i + n; ++k)
                records.append(recordFor(packets[k],
                                         k < recordOffsets.size() ? recordOffsets[k] : 0, m_sll2,
                                         m_fileLinkType));
            if (!m_out.offerPackets(encodePackets(records)))
                m_notShown += n;
            i += n;
        }
        m_out.flush();
    }

    void tick(const CaptureTotals& totals) override
    {
        warnAboutDrops(totals);
        m_out.sendTotals(encodeTotals(m_totals.convert(totals, m_notShown)));
        m_out.flush();
        // Writing to a socket whose reader closed: the GUI is gone.
        if (m_out.peerGone())
            m_recorder.requestStop();
    }

    void extraFdReadable() override
    {
        // A bounded amount per wake-up, so a peer that floods the control
        // channel cannot starve the capture loop.
        constexpr int kMaxReadsPerWakeup = 8;
        char buffer[16384];
        for (int reads = 0; reads < kMaxReadsPerWakeup && !m_protocolError; ++reads) {
            const ssize_t n = ::read(kInputFd, buffer, sizeof buffer);
            if (n > 0) {
                m_in.feed(QByteArrayView(buffer, n));
                handleBufferedMessages();
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // End of file (or a broken socket): the GUI went away. Finish the
            // file; a frame cut in half is worth a note in the log only.
            if (m_in.hasPartialFrame())
                std::fprintf(stderr,
                             "packet-recorder-helper: control channel closed mid-message\n");
            m_recorder.requestStop();
            break;
        }
    }

    // Messages that arrived together with Start are processed before the loop.
    void handleBufferedMessages()
    {
        Message message;
        ErrorInfo error;
        for (;;) {
            const auto status = m_in.next(&message, &error);
            if (status == FrameDecoder::Status::NeedMore)
                return;
            if (status == FrameDecoder::Status::Error) {
                protocolError(error);
                return;
            }
            if (message.kind == MessageKind::Stop) {
                m_recorder.requestStop();
            } else {
                protocolError({ErrorCode::ProtocolError,
                               QStringLiteral("A %1 message is not expected during a recording.")
                                   .arg(QLatin1StringView(messageKindName(message.kind)))});
                return;
            }
        }
    }

    bool hadProtocolError() const { return m_protocolError; }
    std::uint64_t notShown() const { return m_notShown; }
    TotalsInfo finalTotals(const CaptureTotals& totals)
    {
        return m_totals.convert(totals, m_notShown);
    }

private:
    // The Totals carry the count; a Warning tells the user once in a while
    // that the file is missing packets, which a counter alone may not.
    void warnAboutDrops(const CaptureTotals& totals)
    {
        constexpr std::int64_t kWarningIntervalNs = 10'000'000'000;
        if (totals.kernelDrops <= m_warnedDrops ||
            (m_warnedDrops > 0 && totals.elapsedNs - m_lastWarningNs < kWarningIntervalNs))
            return;
        m_warnedDrops = totals.kernelDrops;
        m_lastWarningNs = totals.elapsedNs;
        m_out.sendControl(encodeWarning(
            QStringLiteral("The kernel dropped %1 packets so far: they are not in the file. "
                           "A larger ring buffer or a narrower filter helps.")
                .arg(totals.kernelDrops)));
    }

    void protocolError(const ErrorInfo& error)
    {
        if (m_protocolError)
            return;
        m_protocolError = true;
        m_out.sendControl(encodeError(error));
        m_out.flush();
        m_recorder.requestStop();
    }

    Recorder& m_recorder;
    FrameSender& m_out;
    FrameDecoder& m_in;
    bool m_sll2;
    std::uint32_t m_fileLinkType;
    TotalsConverter m_totals;
    std::uint64_t m_notShown = 0;
    std::uint64_t m_warnedDrops = 0;
    std::int64_t m_lastWarningNs = 0;
    bool m_protocolError = false;
};

// Reads until one whole message is decoded (handshake only; the recording
// reads through the observer). False with error set on EOF, timeout or junk.
bool readMessage(FrameDecoder& in, Message* message, ErrorInfo* error)
{
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(kHandshakeTimeoutMs);
    for (;;) {
        const auto status = in.next(message, error);
        if (status == FrameDecoder::Status::Message)
            return true;
        if (status == FrameDecoder::Status::Error)
            return false;
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            *error = {ErrorCode::ProtocolError,
                      QStringLiteral("No complete message arrived within %1 seconds.")
                          .arg(kHandshakeTimeoutMs / 1000)};
            return false;
        }
        pollfd pfd{kInputFd, POLLIN, 0};
        if (::poll(&pfd, 1, int(left)) < 0 && errno != EINTR) {
            *error = {ErrorCode::SystemError,
                      QStringLiteral("Cannot wait for the control channel: %1.")
                          .arg(QString::fromLocal8Bit(std::strerror(errno)))};
            return false;
        }
        char buffer[16384];
        const ssize_t n = ::read(kInputFd, buffer, sizeof buffer);
        if (n > 0) {
            in.feed(QByteArrayView(buffer, n));
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            *error = {
                ErrorCode::ProtocolError,
                in.hasPartialFrame()
                    ? QStringLiteral("The control channel closed in the middle of a message.")
                    : QStringLiteral("The control channel closed before the recording started.")};
            return false;
        }
    }
}

int fail(FrameSender& out, const ErrorInfo& error, int exitCode)
{
    std::fprintf(stderr, "packet-recorder-helper: %s\n", qPrintable(error.message));
    out.sendControl(encodeError(error));
    out.flushAll(kFinalFlushTimeoutMs);
    return exitCode;
}

int fail(FrameSender& out, const CaptureError& error)
{
    return fail(out, {toProtocolCode(error.code), QString::fromStdString(error.message)},
                kExitCaptureError);
}

} // namespace

int serveDropFailed(const std::string& reason)
{
    FrameSender out(kOutputFd);
    return fail(out,
                {ErrorCode::NoPrivilege,
                 QStringLiteral("Cannot drop privileges: %1.").arg(QString::fromStdString(reason))},
                kExitCaptureError);
}

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

    FrameSender out(kOutputFd);
    FrameDecoder in;
    Message message;
    ErrorInfo error;

    if (!readMessage(in, &message, &error))
        return fail(out, error, kExitProtocolError);
    if (message.kind != MessageKind::Hello)
        return fail(
            out,
            {ErrorCode::ProtocolError, QStringLiteral("The first message must be Hello, not %1.")
                                           .arg(QLatin1StringView(messageKindName(message.kind)))},
            kExitProtocolError);
    if (message.hello.version != kProtocolVersion)
        return fail(out,
                    {ErrorCode::VersionMismatch,
                     QStringLiteral("The helper speaks protocol version %1, the application %2.")
                         .arg(kProtocolVersion)
                         .arg(message.hello.version)},
                    kExitProtocolError);
    out.sendControl(encodeHello({kProtocolVersion, projectVersion()}));
    out.flush();

    if (!readMessage(in, &message, &error))
        return fail(out, error, kExitProtocolError);
    if (message.kind != MessageKind::Start)
        return fail(
            out,
            {ErrorCode::ProtocolError, QStringLiteral("Expected Start, got %1.")
                                           .arg(QLatin1StringView(messageKindName(message.kind)))},
            kExitProtocolError);
    const CaptureOptions options = toCaptureOptions(message.start);

    Recorder recorder;
    g_recorder.store(&recorder);
    struct sigaction action = {};
    action.sa_handler = onTerminate;
    sigemptyset(&action.sa_mask);
    for (int sig : {SIGTERM, SIGINT, SIGHUP})
        ::sigaction(sig, &action, nullptr);
    if (::getppid() != parent)
        recorder.requestStop();

    // A file that existed before is never removed on failure; one this
    // start created is (unlink is not on the seccomp allow-list, and should
    // not be, so this happens before restrict()).
    CaptureError startError = session.prepare(recorder, options, message.start.overwrite);
    if (!startError) {
        startError = session.restrict(recorder, {kOutputFd, STDERR_FILENO});
        if (startError)
            session.discardOutput();
    }
    if (startError) {
        g_recorder.store(nullptr);
        return fail(out, startError);
    }

    StartedInfo started;
    started.linkType = recorder.linkType();
    started.linkTypeName = QString::fromLatin1(linkTypeName(started.linkType));
    started.outputPath = message.start.outputPath;
    for (const WriterInterface& entry : recorder.interfaces())
        started.interfaces.append(
            {entry.ifindex, QString::fromStdString(entry.name).left(15), entry.linkType});
    out.sendControl(encodeStarted(started));
    out.flush();

    const bool sll2 = options.interfaceName == "any" && options.format != FileFormat::Pcapng;
    ServeObserver observer(recorder, out, in, sll2);
    observer.handleBufferedMessages();
    const CaptureError runError = recorder.run(observer, kInputFd);
    g_recorder.store(nullptr);
    session.closeOutput();

    if (runError) {
        std::fprintf(stderr, "packet-recorder-helper: %s\n", runError.message.c_str());
        out.sendControl(
            encodeError({toProtocolCode(runError.code), QString::fromStdString(runError.message)}));
    }
    out.sendControl(encodeStopped(observer.finalTotals(recorder.totals())));
    out.flushAll(kFinalFlushTimeoutMs);
    if (observer.hadProtocolError())
        return kExitProtocolError;
    return runError ? kExitCaptureError : kExitOk;
}

} // namespace pr::helper
