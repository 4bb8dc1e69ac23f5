#include "app/helper/serve_session.h"

#include "capture/engine/interface_info.h"

#include <algorithm>

namespace pr::helper {

using namespace pr::proto;

namespace {

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
    case CaptureErrorCode::DiskFull:
        return ErrorCode::DiskFull;
    }
    return ErrorCode::Unknown;
}

ErrorInfo toErrorInfo(const CaptureError& error)
{
    return {toProtocolCode(error.code), QString::fromStdString(error.message)};
}

QString kindName(MessageKind kind)
{
    return QString(QLatin1StringView(messageKindName(kind)));
}

} // namespace

CaptureOptions toCaptureOptions(const StartRequest& request)
{
    return startOptions(request);
}

ProgramInfo toProgramInfo(const ProgramTotals& program)
{
    ProgramInfo info;
    info.id = program.id;
    info.kind = ProgramInfo::Kind(program.kind);
    info.uid = program.uid;
    info.user = QString::fromStdString(program.user);
    info.pid = program.pid;
    info.name = QString::fromStdString(program.name);
    // /proc/PID/cmdline ends each argument with a NUL, which the protocol's
    // texts may not hold.
    info.commandLine =
        QString::fromStdString(program.commandLine).replace(QChar(0), QLatin1Char(' ')).trimmed();
    info.packetsIn = program.packetsIn;
    info.bytesIn = program.bytesIn;
    info.packetsOut = program.packetsOut;
    info.bytesOut = program.bytesOut;
    info.connections = program.connections;
    return info;
}

TotalsInfo ServeSession::TotalsConverter::convert(const CaptureTotals& t, std::uint64_t notShown)
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
    out.diskFullDrops = t.diskFullDrops;
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

void ServeSession::feed(QByteArrayView bytes)
{
    if (!wantsInput())
        return;
    m_in.feed(bytes);
    // Messages that arrived together with Start are handled once it started.
    while (wantsInput()) {
        Message message;
        ErrorInfo error;
        const auto status = m_in.next(&message, &error);
        if (status == MessageReader::Status::NeedMore)
            return;
        if (status == MessageReader::Status::Error) {
            if (inHandshake())
                fail(error, kExitProtocolError);
            else
                protocolError(error);
            return;
        }
        if (inHandshake())
            handleHandshakeMessage(message);
        else
            handleRecordingMessage(message);
    }
}

void ServeSession::handleHandshakeMessage(const Message& message)
{
    if (m_state == State::AwaitHello) {
        if (message.kind != MessageKind::Hello) {
            fail({ErrorCode::ProtocolError,
                  QStringLiteral("The first message must be Hello, not %1.")
                      .arg(kindName(message.kind))},
                 kExitProtocolError);
            return;
        }
        if (message.hello.version != kProtocolVersion) {
            fail({ErrorCode::VersionMismatch,
                  QStringLiteral("The helper speaks protocol version %1, the application %2.")
                      .arg(kProtocolVersion)
                      .arg(message.hello.version)},
                 kExitProtocolError);
            return;
        }
        m_out.sendControl(encodeHello({kProtocolVersion, projectVersion()}));
        m_out.flush();
        m_state = State::AwaitStart;
        return;
    }
    if (message.kind != MessageKind::Start) {
        fail({ErrorCode::ProtocolError,
              QStringLiteral("Expected Start, got %1.").arg(kindName(message.kind))},
             kExitProtocolError);
        return;
    }
    startRecording(message.start);
}

void ServeSession::startRecording(const StartRequest& request)
{
    m_options = toCaptureOptions(request);
    StartedInfo started;
    const CaptureError error = m_recorder.start(m_options, request.overwrite, &started);
    if (error) {
        fail(toErrorInfo(error), kExitCaptureError);
        return;
    }
    started.linkTypeName = QString::fromLatin1(linkTypeName(started.linkType));
    started.outputPath = request.outputPath;
    m_out.sendControl(encodeStarted(started));
    m_out.flush();
    m_state = State::Recording;
}

void ServeSession::handleRecordingMessage(const Message& message)
{
    if (message.kind == MessageKind::Stop) {
        m_recorder.requestStop();
        return;
    }
    protocolError({ErrorCode::ProtocolError,
                   QStringLiteral("A %1 message is not expected during a recording.")
                       .arg(kindName(message.kind))});
}

void ServeSession::endOfFile()
{
    if (inHandshake()) {
        fail({ErrorCode::ProtocolError,
              m_in.hasPartialMessage()
                  ? QStringLiteral("The control channel closed in the middle of a message.")
                  : QStringLiteral("The control channel closed before the recording started.")},
             kExitProtocolError);
        return;
    }
    if (!wantsInput())
        return;
    // The GUI went away: finish the file; a frame cut in half is worth a note
    // in the log only.
    if (m_in.hasPartialMessage())
        m_out.log("control channel closed mid-message");
    m_recorder.requestStop();
}

void ServeSession::handshakeTimedOut()
{
    if (inHandshake())
        fail({ErrorCode::ProtocolError,
              QStringLiteral("No complete message arrived within %1 seconds.")
                  .arg(kHandshakeTimeoutMs / 1000)},
             kExitProtocolError);
}

void ServeSession::handshakeFailed(const ErrorInfo& error)
{
    if (inHandshake())
        fail(error, kExitProtocolError);
}

void ServeSession::tick(const CaptureTotals& totals)
{
    if (m_state != State::Recording)
        return;
    warnAboutDrops(totals);
    m_out.sendTotals(encodeTotals(m_totals.convert(totals, m_notShown)));
    m_out.flush();
    // Writing to a socket whose reader closed: the GUI is gone.
    if (m_out.peerGone())
        m_recorder.requestStop();
}

RecordSelection ServeSession::selectRecords(std::size_t written, std::int64_t monotonicNs)
{
    // Every packet written counts, shown or not: the flush only reports
    // packets that are in the file (a full disk's leftovers are not), in
    // file order, several interfaces already merged.
    RecordSelection selection;
    selection.firstNumber = m_filePackets + 1;
    m_filePackets += written;

    if (m_tokensAtNs >= 0 && monotonicNs > m_tokensAtNs)
        m_recordTokens =
            std::min(double(kRecordBurst), m_recordTokens + double(monotonicNs - m_tokensAtNs) *
                                                                kMaxRecordsPerSecond / 1e9);
    m_tokensAtNs = std::max(m_tokensAtNs, monotonicNs);
    // No live list (Start's packetRecords off): no records, and none counted
    // as not shown, since none were wanted.
    if (!m_options.packetRecords) {
        selection.first = written;
        return selection;
    }
    const auto allowed = std::min<std::size_t>(written, std::size_t(m_recordTokens));
    m_recordTokens -= double(allowed);
    selection.first = written - allowed;
    m_notShown += selection.first;
    return selection;
}

void ServeSession::fileStarted(std::uint32_t number, const std::string& path,
                               std::uint32_t filesKept)
{
    // Even when the GUI is not told (below): the packets are in a new file.
    m_filePackets = 0;
    if (m_state != State::Recording)
        return;
    FileStartedInfo info;
    info.number = std::max<std::uint32_t>(number, 1);
    info.path = QString::fromStdString(path);
    info.filesKept = std::clamp<std::uint32_t>(filesKept, 1, info.number);
    // The GUI refuses a message that breaks the protocol's bounds, and with
    // it the recording: a name it cannot take is only logged (the file is
    // written all the same).
    if (!info.path.startsWith(QLatin1Char('/')) || info.path.contains(QChar(0)) ||
        path.size() > limits::kMaxPathLength) {
        m_out.log("a file of the set has a name the protocol cannot carry");
        return;
    }
    m_out.sendControl(encodeFileStarted(info));
    m_out.flush();
}

void ServeSession::interfaceEnded(const std::string& name)
{
    if (m_state != State::Recording)
        return;
    m_out.log(QByteArray::fromStdString("interface " + name + " ended; the others go on"));
    const QString qname = QString::fromStdString(name);
    // The names came from the Start, so they are valid; one that is not
    // would break the protocol's bounds and is only logged.
    if (!isValidInterfaceName(name) || qname == QLatin1StringView("any"))
        return;
    m_out.sendControl(encodeInterfaceEnded(qname));
    m_out.flush();
}

void ServeSession::programsChanged(std::span<const ProgramTotals> programs)
{
    if (m_state != State::Recording)
        return;
    for (const ProgramTotals& program : programs) {
        // An id the protocol keeps for the special rows on another kind (or
        // none at all) would make the GUI refuse the message, and with it
        // the recording: such a row is left out.
        const bool fits = program.kind == ProgramTotals::Kind::NotAttributed
                              ? program.id == kProgramNotAttributed
                          : program.kind == ProgramTotals::Kind::NotTcpUdp
                              ? program.id == kProgramNotTcpUdp
                              : program.id != kNoProgram && program.id < kProgramNotAttributed;
        if (!fits)
            continue;
        m_pendingPrograms.insert_or_assign(program.id, toProgramInfo(program));
    }
    if (!m_out.backedUp())
        sendPrograms();
}

void ServeSession::sendPrograms()
{
    while (!m_pendingPrograms.empty()) {
        QList<ProgramInfo> batch;
        batch.reserve(qsizetype(
            std::min<std::size_t>(m_pendingPrograms.size(), std::size_t(kMaxProgramsPerMessage))));
        auto it = m_pendingPrograms.begin();
        for (; it != m_pendingPrograms.end() && batch.size() < kMaxProgramsPerMessage; ++it)
            batch.append(std::move(it->second));
        m_pendingPrograms.erase(m_pendingPrograms.begin(), it);
        m_out.sendControl(encodePrograms(batch));
    }
    m_out.flush();
}

void ServeSession::finish(const CaptureError& runError, const CaptureTotals& totals)
{
    if (m_state != State::Recording)
        return;
    // The last totals of every program, before Stopped, however slow the GUI.
    if (!m_pendingPrograms.empty())
        sendPrograms();
    if (runError) {
        m_out.log(QByteArray::fromStdString(runError.message));
        m_out.sendControl(encodeError(toErrorInfo(runError)));
    }
    m_out.sendControl(encodeStopped(m_totals.convert(totals, m_notShown)));
    m_state = State::Ended;
    m_exitCode = m_protocolError ? kExitProtocolError : runError ? kExitCaptureError : kExitOk;
}

// The Totals carry the count; a Warning tells the user once in a while that
// the file is missing packets, which a counter alone may not.
void ServeSession::warnAboutDrops(const CaptureTotals& totals)
{
    constexpr std::int64_t kWarningIntervalNs = 10'000'000'000;
    if (totals.kernelDrops <= m_warnedDrops ||
        (m_warnedDrops > 0 && totals.elapsedNs - m_lastWarningNs < kWarningIntervalNs))
        return;
    m_warnedDrops = totals.kernelDrops;
    m_lastWarningNs = totals.elapsedNs;
    m_out.sendControl(
        encodeWarning(QStringLiteral("The kernel dropped %1 packets so far: they are not in the "
                                     "file. A larger ring buffer or a narrower filter helps.")
                          .arg(totals.kernelDrops)));
}

// During the recording: the file is finished and Stopped follows.
void ServeSession::protocolError(const ErrorInfo& error)
{
    if (m_protocolError)
        return;
    m_protocolError = true;
    m_out.sendControl(encodeError(error));
    m_out.flush();
    m_recorder.requestStop();
}

// Before the recording: the session ends here.
void ServeSession::fail(const ErrorInfo& error, int exitCode)
{
    m_out.log(error.message.toLocal8Bit());
    m_out.sendControl(encodeError(error));
    m_out.flush();
    m_state = State::Ended;
    m_exitCode = exitCode;
}

} // namespace pr::helper
