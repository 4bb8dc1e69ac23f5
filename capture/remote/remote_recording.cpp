#include "capture/remote/remote_recording.h"

#include "capture/files/program_comments.h"
#include "capture/remote/remote_machine.h"
#include "capture/remote/remote_stream.h"
#include "capture/remote/remote_target.h"
#include "capture/remote/stream_merge.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

#include <algorithm>
#include <ctime>

namespace pr::remote {
namespace {

// A machine that sends nothing holds the merge back this long at most: its
// packets, if any come later, are written where they arrive.
constexpr qint64 kMergeWaitMs = 1000;
// Queued packets beyond this are written out of order rather than held.
constexpr std::size_t kMaxQueuedPackets = 200'000;
constexpr int kMergeIntervalMs = 100;
constexpr int kTotalsIntervalMs = 250;
// epb_flags' direction bits: 1 inbound, 2 outbound.
constexpr std::uint32_t kDirectionMask = 0x3;

qint64 realtimeNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

QString offsetText(const ClockOffset& clock)
{
    if (!clock.known)
        return RemoteRecording::tr("clock offset unknown");
    return RemoteRecording::tr("clock %1 ms to this desktop (round trip %2 ms)")
        .arg(QString::asprintf("%+.3f", double(clock.offsetNs) / 1e6),
             QString::asprintf("%.3f", double(clock.roundTripNs) / 1e6));
}

} // namespace

RemoteRecording::RemoteRecording(const proto::StartRequest& request,
                                 const RemoteRecordingOptions& options, QObject* parent)
    : QObject(parent), m_request(request), m_options(options)
{
    m_mergeTimer = new QTimer(this);
    m_mergeTimer->setInterval(kMergeIntervalMs);
    connect(m_mergeTimer, &QTimer::timeout, this, [this] { merge(false); });
    m_totalsTimer = new QTimer(this);
    m_totalsTimer->setInterval(kTotalsIntervalMs);
    connect(m_totalsTimer, &QTimer::timeout, this, [this] {
        sendTotals();
        sendPrograms();
    });
    m_durationTimer = new QTimer(this);
    m_durationTimer->setSingleShot(true);
    connect(m_durationTimer, &QTimer::timeout, this, &RemoteRecording::stop);
}

RemoteRecording::~RemoteRecording() = default;

bool RemoteRecording::streamDone(const Source& source) const
{
    const RemoteStream::State state = source.stream->state();
    return state == RemoteStream::State::Finished || state == RemoteStream::State::Failed;
}

void RemoteRecording::failStart(proto::ErrorCode code, const QString& sentence)
{
    m_running = false;
    proto::Message error;
    error.kind = proto::MessageKind::Error;
    error.error = {code, sentence};
    emit message(error);
}

void RemoteRecording::start()
{
    m_running = true;
    m_clock.start();
    const CaptureOptions options = proto::startOptions(m_request);
    if (options.fileSet.maxFileBytes != 0 || options.fileSet.maxFileSeconds != 0 ||
        options.fileSet.maxFilePackets != 0) {
        failStart(proto::ErrorCode::OutOfRange,
                  tr("A recording of other machines is one file: split it afterwards (editcap "
                     "-c), or record each machine on its own"));
        return;
    }
    std::vector<RemoteTarget> targets;
    for (const QString& name : proto::startInterfaces(m_request)) {
        RemoteTarget target;
        QString problem;
        if (!isRemoteInterfaceName(name)) {
            targets.push_back(localTarget(name)); // recorded here, beside the others
            continue;
        }
        if (!parseRemoteTarget(name, &target, &problem)) {
            failStart(proto::ErrorCode::UnknownInterface, problem);
            return;
        }
        targets.push_back(target);
    }
    if (!m_file.open(m_request.outputPath, m_request.overwrite)) {
        const bool exists = QFileInfo::exists(m_request.outputPath) && !m_request.overwrite;
        failStart(exists ? proto::ErrorCode::OutputExists : proto::ErrorCode::OutputNotWritable,
                  exists ? tr("The file \"%1\" exists already").arg(m_request.outputPath)
                         : tr("Cannot create \"%1\": %2")
                               .arg(m_request.outputPath, m_file.errorString()));
        return;
    }
    m_sources.resize(targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) {
        Source& source = m_sources[i];
        // The machine's own settings: compression, a snap length of its own.
        const RemoteMachineSettings machine = m_options.machines.value(targets[i].destination);
        CaptureOptions machineOptions = options;
        if (machine.snaplen != 0)
            machineOptions.snaplen = machine.snaplen;
        SshOptions ssh = m_options.ssh;
        ssh.compression = ssh.compression || machine.compression;
        source.stream =
            new RemoteStream(targets[i], machineOptions, m_options.leaveOutSession, ssh, this);
        source.stream->setLocalHelperPath(m_options.localHelperPath);
        source.stream->setPacketHandler(
            [this, i](const ScannedPacket& packet, const std::uint8_t* data) {
                Source& from = m_sources[i];
                Queued queued;
                queued.timestampNs = packet.timestampNs;
                const ClockOffset clock = from.stream->clockOffset();
                queued.sortKey = mergeKey(packet.timestampNs, clock.known ? clock.offsetNs : 0,
                                          m_options.orderByCorrectedTime);
                queued.originalLength = packet.wireLength;
                if (packet.direction == Direction::Incoming)
                    queued.flags = 1;
                else if (packet.direction == Direction::Outgoing)
                    queued.flags = 2;
                queued.data = QByteArray(reinterpret_cast<const char*>(data),
                                         qsizetype(packet.capturedLength));
                for (const QString& comment : packetComments(packet))
                    queued.comments << comment.toUtf8();
                queued.arrivedMs = m_clock.elapsed();
                from.lastSortKey = std::max(from.lastSortKey, queued.sortKey);
                from.seen = true;
                from.queue.push_back(std::move(queued));
            });
        connect(source.stream, &RemoteStream::headerArrived, this, &RemoteRecording::maybeStart);
        connect(source.stream, &RemoteStream::sessionKnown, this,
                &RemoteRecording::startLocalStreams);
        connect(source.stream, &RemoteStream::packetsArrived, this, [this] {
            if (m_started)
                merge(false);
        });
        connect(source.stream, &RemoteStream::stateChanged, this,
                [this, i](RemoteStream::State) { onStreamState(int(i)); });
    }
    for (Source& source : m_sources)
        if (!source.stream->target().local)
            source.stream->start();
    startLocalStreams();
}

void RemoteRecording::startLocalStreams()
{
    if (m_localStarted)
        return;
    QStringList sessions;
    for (const Source& source : m_sources) {
        if (source.stream->target().local)
            continue;
        if (source.stream->session().isEmpty() && !streamDone(source) && m_options.leaveOutSession)
            return; // not yet
        if (!source.stream->session().isEmpty())
            sessions << source.stream->session();
    }
    m_localStarted = true;
    sessions.removeDuplicates();
    // The same words as record's --leave-out-connection, as a filter.
    QStringList leftOut;
    for (const QString& session : std::as_const(sessions)) {
        const QStringList words = session.split(u' ', Qt::SkipEmptyParts);
        if (words.size() == 4)
            leftOut << QStringLiteral("not (host %1 and host %3 and tcp port %2 and tcp port %4)")
                           .arg(words[0], words[1], words[2], words[3]);
    }
    for (Source& source : m_sources) {
        if (!source.stream->target().local)
            continue;
        if (m_options.leaveOutSession && !leftOut.isEmpty())
            source.stream->leaveOut(leftOut.join(QLatin1String(" and ")));
        source.stream->start();
    }
}

void RemoteRecording::maybeStart()
{
    if (m_started || !m_running)
        return;
    bool anyStreaming = false;
    for (const Source& source : m_sources) {
        const bool ready = source.stream->hasHeader() &&
                           !source.stream->layout().sections.front().interfaces.empty();
        if (!ready && !streamDone(source))
            return; // still waiting for this one
        anyStreaming = anyStreaming || ready;
    }
    if (!anyStreaming) {
        // Every machine failed: one sentence per machine.
        QStringList why;
        for (const Source& source : m_sources)
            why << source.stream->failure();
        why.removeDuplicates();
        m_file.close();
        QFile::remove(m_request.outputPath);
        failStart(proto::ErrorCode::SystemError, why.join(QLatin1String("; ")));
        return;
    }
    m_started = true;
    proto::StartedInfo started;
    started.outputPath = m_request.outputPath;
    QStringList notes;
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        Source& source = m_sources[i];
        const RemoteTarget& target = source.stream->target();
        const bool ready = source.stream->hasHeader() &&
                           !source.stream->layout().sections.front().interfaces.empty();
        const CaptureInterface remote =
            ready ? source.stream->layout().sections.front().interfaces.front() : CaptureInterface{};
        source.linkType = ready ? remote.linkType : 1;
        const QString description =
            tr("%1 on %2, recorded with %3; %4")
                .arg(target.interfaceName, target.destination,
                     recordMethodText(source.stream->method()),
                     offsetText(source.stream->clockOffset()));
        const auto id = m_file.addInterface(std::uint16_t(source.linkType),
                                            ready ? remote.snaplen : 262144, target.label(),
                                            description);
        source.interfaceId = id.value_or(0);
        started.interfaces.append({int(source.interfaceId) + 1, target.label(), source.linkType});
        if (ready)
            notes << tr("%1: %2, %3")
                         .arg(target.label(), recordMethodText(source.stream->method()),
                              offsetText(source.stream->clockOffset()));
        if (i == 0)
            started.linkType = source.linkType;
    }
    m_file.flush();
    proto::Message startedMessage;
    startedMessage.kind = proto::MessageKind::Started;
    startedMessage.started = started;
    emit message(startedMessage);
    if (m_options.leaveOutSession)
        notes << tr("your own ssh sessions are left out of the recording");
    proto::Message note;
    note.kind = proto::MessageKind::Warning;
    note.warning = notes.join(QLatin1String("; "));
    emit message(note);
    // Machines that failed before the start: said once each.
    for (Source& source : m_sources)
        if (source.stream->state() == RemoteStream::State::Failed)
            onStreamState(int(&source - m_sources.data()));
    if (m_request.stopAfterSeconds > 0)
        m_durationTimer->start(int(m_request.stopAfterSeconds * 1000));
    m_mergeTimer->start();
    m_totalsTimer->start();
    merge(false);
}

void RemoteRecording::onStreamState(int index)
{
    Source& source = m_sources[std::size_t(index)];
    startLocalStreams();
    if (!m_started) {
        maybeStart();
        return;
    }
    if (source.stream->state() == RemoteStream::State::Failed && !source.ended) {
        source.ended = true;
        proto::Message warning;
        warning.kind = proto::MessageKind::Warning;
        bool others = false;
        for (const Source& other : m_sources)
            others = others || (&other != &source && !streamDone(other));
        warning.warning = others ? tr("%1; its packets until then are in the file, the other "
                                      "machines go on")
                                       .arg(source.stream->failure())
                                 : tr("%1; its packets until then are in the file")
                                       .arg(source.stream->failure());
        emit message(warning);
        proto::Message ended;
        ended.kind = proto::MessageKind::InterfaceEnded;
        ended.interfaceEnded = source.stream->target().label();
        emit message(ended);
    }
    merge(false);
    if (std::all_of(m_sources.begin(), m_sources.end(),
                    [this](const Source& each) { return streamDone(each); }))
        finish();
}

void RemoteRecording::merge(bool everything)
{
    if (!m_started || m_writeFailed)
        return;
    const qint64 nowMs = m_clock.elapsed();
    std::size_t queued = 0;
    for (const Source& source : m_sources)
        queued += source.queue.size();
    std::vector<MergeStream> streams(m_sources.size());
    for (;;) {
        for (std::size_t i = 0; i < m_sources.size(); ++i) {
            const Source& source = m_sources[i];
            streams[i] = {.hasHead = !source.queue.empty(),
                          .headKey = source.queue.empty() ? 0 : source.queue.front().sortKey,
                          .headArrivedMs = source.queue.empty() ? 0 : source.queue.front().arrivedMs,
                          .ended = streamDone(source),
                          .seen = source.seen,
                          .lastKey = source.lastSortKey};
        }
        // Past the queue's bound, what waits goes out of order rather than held.
        const std::optional<std::size_t> index =
            nextToWrite(streams, nowMs, kMergeWaitMs, everything || queued >= kMaxQueuedPackets);
        if (!index)
            break;
        Source& next = m_sources[*index];
        write(next, next.queue.front());
        next.queue.pop_front();
        --queued;
        if (m_writeFailed)
            return;
    }
    flushPackets();
}

void RemoteRecording::write(Source& source, const Queued& packet)
{
    if (m_request.stopAfterPackets != 0 && m_totals.packets >= m_request.stopAfterPackets)
        return;
    const auto* data = reinterpret_cast<const std::uint8_t*>(packet.data.constData());
    const auto offset =
        m_file.writePacket(source.interfaceId, packet.timestampNs, packet.originalLength, data,
                           std::uint32_t(packet.data.size()), packet.flags, packet.comments);
    if (!offset) {
        reportWriteFailure();
        return;
    }
    ++source.packets;
    if (source.firstNs == 0)
        source.firstNs = packet.timestampNs;
    source.lastNs = packet.timestampNs;
    ++m_totals.packets;
    m_totals.wireBytes += packet.originalLength;
    m_totals.capturedBytes += quint64(packet.data.size());
    const std::uint32_t direction = packet.flags.value_or(0) & kDirectionMask;
    proto::DirectionCounts& counts = direction == 1   ? m_totals.incoming
                                     : direction == 2 ? m_totals.outgoing
                                                      : m_totals.other;
    ++counts.packets;
    counts.bytes += packet.originalLength;
    // The comments name the sender first; one comment is this machine's end.
    std::uint32_t sourceProgram = 0;
    std::uint32_t destinationProgram = 0;
    if (m_request.attribution && !packet.comments.isEmpty()) {
        const bool incoming = direction == 1;
        const std::uint32_t first =
            countProgram(source, packet.comments.front(), !incoming, packet.originalLength);
        if (packet.comments.size() > 1) {
            sourceProgram = first;
            destinationProgram =
                countProgram(source, packet.comments.at(1), false, packet.originalLength);
        } else if (incoming) {
            destinationProgram = first;
        } else {
            sourceProgram = first;
        }
    }
    if (m_request.tableOptions.packetRecords) {
        proto::PacketRecord record;
        record.timestampNs = packet.timestampNs;
        record.ifindex = int(source.interfaceId) + 1;
        record.direction = direction == 1   ? Direction::Incoming
                           : direction == 2 ? Direction::Outgoing
                                            : Direction::Unknown;
        record.wireLength = packet.originalLength;
        record.capturedLength = std::uint32_t(packet.data.size());
        record.fileOffset = *offset;
        record.linkType = source.linkType;
        record.head = packet.data.left(proto::kMaxRecordHeadBytes);
        record.number = m_totals.packets;
        record.sourceProgram = sourceProgram;
        record.destinationProgram = destinationProgram;
        m_pendingRecords << record;
    }
    if (m_request.stopAfterPackets != 0 && m_totals.packets >= m_request.stopAfterPackets)
        stop();
    if (m_request.stopAfterBytes != 0 && m_file.bytes() >= m_request.stopAfterBytes)
        stop();
}

void RemoteRecording::reportWriteFailure()
{
    m_writeFailed = true;
    proto::Message error;
    error.kind = proto::MessageKind::Error;
    error.error = {m_file.diskFull() ? proto::ErrorCode::DiskFull
                                     : proto::ErrorCode::OutputNotWritable,
                   tr("Cannot write \"%1\": %2; the file ends at the last whole packet")
                       .arg(m_file.path(), m_file.errorString())};
    emit message(error);
    stop();
}

void RemoteRecording::flushPackets()
{
    // The file first: a record names an offset the reader must find.
    if (!m_file.flush() && !m_writeFailed)
        reportWriteFailure();
    while (!m_pendingRecords.isEmpty()) {
        proto::Message packets;
        packets.kind = proto::MessageKind::Packets;
        packets.packets = m_pendingRecords.mid(0, proto::kMaxPacketsPerMessage);
        m_pendingRecords.remove(0, packets.packets.size());
        emit message(packets);
    }
}

void RemoteRecording::sendTotals()
{
    const double seconds = double(m_clock.nsecsElapsed()) / 1e9;
    m_totals.elapsedSeconds = seconds;
    m_totals.fileBytes = m_file.bytes();
    m_totals.kernelDrops = 0;
    // Streams of one machine share its connection: counted once, from the
    // earliest start.
    QHash<qint64, quint64> channels;
    for (const Source& source : m_sources) {
        m_totals.kernelDrops += source.stream->kernelDrops();
        const qint64 pid = source.stream->channelProcess();
        if (pid != 0 && (!channels.contains(pid) ||
                         source.stream->channelBytesAtStart() < channels.value(pid)))
            channels.insert(pid, source.stream->channelBytesAtStart());
    }
    // A process that ended keeps its last count (its connection is gone).
    for (auto it = channels.cbegin(); it != channels.cend(); ++it)
        if (const std::optional<quint64> read = bytesReadByProcess(it.key()))
            m_channelNow.insert(it.key(), *read - std::min(*read, it.value()));
    m_totals.channelBytes = 0;
    for (quint64 bytes : std::as_const(m_channelNow))
        m_totals.channelBytes += bytes;
    // Rates over the last second: keep one sample at least that old.
    while (m_recentTotals.size() > 1 && seconds - m_recentTotals[1].first >= 1.0)
        m_recentTotals.pop_front();
    const double before = m_recentTotals.empty() ? 0.0 : m_recentTotals.front().first;
    const proto::TotalsInfo earlier =
        m_recentTotals.empty() ? proto::TotalsInfo{} : m_recentTotals.front().second;
    const double interval = seconds - before;
    if (interval > 0) {
        const auto rate = [interval](quint64 now, quint64 then) {
            return double(now - then) / interval;
        };
        m_totals.packetsPerSecond = rate(m_totals.packets, earlier.packets);
        m_totals.bitsPerSecond = 8 * rate(m_totals.wireBytes, earlier.wireBytes);
        m_totals.incomingBitsPerSecond = 8 * rate(m_totals.incoming.bytes, earlier.incoming.bytes);
        m_totals.outgoingBitsPerSecond = 8 * rate(m_totals.outgoing.bytes, earlier.outgoing.bytes);
        m_totals.incomingPacketsPerSecond =
            rate(m_totals.incoming.packets, earlier.incoming.packets);
        m_totals.outgoingPacketsPerSecond =
            rate(m_totals.outgoing.packets, earlier.outgoing.packets);
    }
    m_recentTotals.emplace_back(seconds, m_totals);
    proto::Message totals;
    totals.kind = proto::MessageKind::Totals;
    totals.totals = m_totals;
    emit message(totals);
}

std::uint32_t RemoteRecording::countProgram(const Source& source, const QByteArray& comment,
                                            bool outgoing, std::uint32_t bytes)
{
    const QString label = source.stream->target().label();
    const QString key = label + u'|' + QString::fromUtf8(comment);
    std::uint32_t id = m_programIds.value(key);
    if (id == 0) {
        const std::optional<PacketProgram> program =
            parseProgramComment(QString::fromUtf8(comment));
        if (!program)
            return 0;
        proto::ProgramInfo info;
        info.id = std::uint32_t(m_programs.size()) + 1;
        info.kind = program->accountOnly ? proto::ProgramInfo::Kind::Account
                                         : proto::ProgramInfo::Kind::Process;
        info.name = program->name;
        info.pid = program->pid;
        info.user = program->user;
        // Which machine it runs on; the comment itself does not say.
        info.commandLine = tr("on %1").arg(source.stream->target().destination);
        m_programs << info;
        id = info.id;
        m_programIds.insert(key, id);
    }
    proto::ProgramInfo& info = m_programs[int(id) - 1];
    if (outgoing) {
        ++info.packetsOut;
        info.bytesOut += bytes;
    } else {
        ++info.packetsIn;
        info.bytesIn += bytes;
    }
    m_changedPrograms.insert(id);
    return id;
}

void RemoteRecording::sendPrograms()
{
    if (m_changedPrograms.isEmpty())
        return;
    QList<std::uint32_t> ids(m_changedPrograms.begin(), m_changedPrograms.end());
    std::sort(ids.begin(), ids.end());
    m_changedPrograms.clear();
    for (qsizetype start = 0; start < ids.size(); start += proto::kMaxProgramsPerMessage) {
        proto::Message programs;
        programs.kind = proto::MessageKind::Programs;
        for (std::uint32_t id : ids.mid(start, proto::kMaxProgramsPerMessage))
            programs.programs << m_programs.at(int(id) - 1);
        emit message(programs);
    }
}

void RemoteRecording::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    for (Source& source : m_sources)
        source.stream->stop();
    if (!m_started) {
        // Nothing recorded yet: the sessions end, and so does the start.
        for (Source& source : m_sources)
            source.stream->abort();
    }
}

void RemoteRecording::finish()
{
    if (!m_running)
        return;
    if (!m_started) {
        maybeStart();
        return;
    }
    m_mergeTimer->stop();
    m_totalsTimer->stop();
    m_durationTimer->stop();
    merge(true);
    const qint64 now = realtimeNs();
    for (const Source& source : m_sources)
        m_file.writeStatistics(source.interfaceId, source.firstNs ? source.firstNs : now,
                               source.lastNs ? source.lastNs : now, source.packets,
                               source.stream->kernelDrops());
    m_file.close();
    sendTotals();
    sendPrograms();
    m_running = false;
    proto::Message stopped;
    stopped.kind = proto::MessageKind::Stopped;
    stopped.totals = m_totals;
    emit message(stopped);
}

} // namespace pr::remote
