#include "ui/packets/packet_list_model.h"

#include "capture/files/program_filter_scanner.h"
#include "ui/packets/count_text.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <climits>

#include <fcntl.h>
#include <unistd.h>

namespace pr {

// One file of the list: an opened file, or one file of a recording.
struct PacketListModel::Segment
{
    int id = 0;
    QString path;
    std::vector<quint64> checkpoints; // offset of packet kPageRows * k
    quint64 indexed = 0;              // packets the index has reached
    quint64 announced = 0;            // highest number the helper sent
    quint64 position = 0;             // bytes the index has read (whole records)
    quint64 wireBytes = 0;
    std::shared_ptr<const CaptureLayout> layout;
    bool finished = false;
    // A program filter: the packets that match (0-based in the file,
    // rising), found in its comments (pcapng) or in the helper's records.
    std::vector<quint32> matches;
    quint64 filtered = 0; // packets the filter has read
    bool filterFinished = false;

    quint64 rows() const { return std::max(indexed, announced); }
};

struct PacketListModel::CachedRow
{
    ScannedPacket packet; // its options pointer is cleared: it was the reader's
    DecodedSummary summary;
    QStringList comments;
    QList<PacketProgram> programs; // from the comments
};

struct PacketListModel::CachedPage
{
    int segmentId = -1;
    quint64 page = 0;
    quint64 lastUse = 0;
    std::vector<CachedRow> rows;
};

namespace {

// Decodes each packet of a page as it is read (the frame is in the
// reader's buffer only during the call).
template <class Row> class PageSink : public PacketSink
{
public:
    explicit PageSink(std::vector<Row>* rows) : m_rows(rows) {}
    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        QStringList comments = packetComments(packet);
        QList<PacketProgram> programs = programsFromComments(comments);
        Row& row = m_rows->emplace_back(
            Row{packet,
                decodeSummary(data, int(std::min<quint32>(packet.capturedLength, INT_MAX)),
                              packet.linkType),
                std::move(comments), std::move(programs)});
        row.packet.options = nullptr;
        row.packet.optionsBytes = 0;
    }

private:
    std::vector<Row>* m_rows;
};

class FrameSink : public PacketSink
{
public:
    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        frame = QByteArray(reinterpret_cast<const char*>(data), qsizetype(packet.capturedLength));
    }
    QByteArray frame;
};

class FileDescriptor
{
public:
    explicit FileDescriptor(const QString& path)
        : m_fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC))
    {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

PacketListModel::PacketListModel(QObject* parent) : QAbstractTableModel(parent)
{
    m_commitTimer.setSingleShot(true);
    m_commitTimer.setInterval(kCommitIntervalMs);
    connect(&m_commitTimer, &QTimer::timeout, this, &PacketListModel::commitRows);
    m_thread.setObjectName(QStringLiteral("capture index"));
    m_thread.start(QThread::LowPriority);
}

PacketListModel::~PacketListModel()
{
    if (m_indexer)
        m_indexer->cancel();
    if (m_filterScanner)
        m_filterScanner->cancel();
    m_thread.quit();
    m_filterThread.quit();
    m_thread.wait();
    m_filterThread.wait();
    delete m_indexer;
    delete m_filterScanner;
}

int PacketListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_shownTotal;
}

int PacketListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

// ---- Where a row is ----

PacketListModel::Location PacketListModel::locate(int row) const
{
    Location where;
    if (row < 0 || row >= m_shownTotal)
        return where;
    quint64 remaining = quint64(row);
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const quint64 shown = quint64(m_shownRows[i]);
        if (remaining < shown) {
            where.segment = int(i);
            where.index =
                m_programFilter ? m_segments[i].matches[std::size_t(remaining)] : remaining;
            return where;
        }
        remaining -= shown;
    }
    return where;
}

const PacketListModel::CachedRow* PacketListModel::fileRow(const Location& where) const
{
    if (where.segment < 0)
        return nullptr;
    const Segment& segment = m_segments[std::size_t(where.segment)];
    if (where.index >= segment.indexed || !segment.layout)
        return nullptr;
    const quint64 page = where.index / kPageRows;
    const std::size_t inPage = std::size_t(where.index % kPageRows);
    const std::size_t wanted =
        std::size_t(std::min<quint64>(kPageRows, segment.indexed - page * kPageRows));
    auto cached = std::find_if(m_pages.begin(), m_pages.end(), [&](const CachedPage& p) {
        return p.segmentId == segment.id && p.page == page;
    });
    if (cached != m_pages.end() && cached->rows.size() > inPage) {
        cached->lastUse = ++m_pageClock;
        return &cached->rows[inPage];
    }
    // Not cached, or cached while the index had fewer of its rows: read it.
    if (cached == m_pages.end()) {
        if (m_pages.size() < std::size_t(kCachedPages)) {
            cached = m_pages.emplace(m_pages.end());
        } else {
            cached = std::min_element(
                m_pages.begin(), m_pages.end(),
                [](const CachedPage& a, const CachedPage& b) { return a.lastUse < b.lastUse; });
        }
    }
    cached->segmentId = segment.id;
    cached->page = page;
    cached->lastUse = ++m_pageClock;
    cached->rows.clear();
    cached->rows.reserve(wanted);
    const FileDescriptor file(segment.path);
    QString error;
    PageSink<CachedRow> sink(&cached->rows);
    if (file.get() >= 0 && page < segment.checkpoints.size())
        readPacketsAt(file.get(), *segment.layout, segment.checkpoints[std::size_t(page)],
                      int(wanted), segment.position, sink, &error);
    return cached->rows.size() > inPage ? &cached->rows[inPage] : nullptr;
}

const proto::PacketRecord* PacketListModel::recentRecord(const Location& where) const
{
    if (where.segment < 0 || m_recent.empty() ||
        m_segments[std::size_t(where.segment)].id != m_recentSegmentId)
        return nullptr;
    const quint64 number = where.index + 1;
    const quint64 first = m_recent.front().number;
    if (number < first || number > m_recent.back().number)
        return nullptr;
    // Numbers rise but have gaps (not every record is sent): search.
    auto it =
        std::lower_bound(m_recent.begin(), m_recent.end(), number,
                         [](const proto::PacketRecord& r, quint64 n) { return r.number < n; });
    return it != m_recent.end() && it->number == number ? &*it : nullptr;
}

quint64 PacketListModel::packetNumber(int row) const
{
    if (!m_programFilter)
        return m_removedPackets + quint64(std::max(row, 0)) + 1;
    const Location where = locate(row);
    if (where.segment < 0)
        return 0;
    quint64 before = m_removedPackets;
    for (int i = 0; i < where.segment; ++i)
        before += m_segments[std::size_t(i)].rows();
    return before + where.index + 1;
}

int PacketListModel::rowOfPacketNumber(quint64 number) const
{
    if (!m_programFilter) {
        if (number <= m_removedPackets || number - m_removedPackets > quint64(m_shownTotal))
            return -1;
        return int(number - m_removedPackets - 1);
    }
    if (number <= m_removedPackets)
        return -1;
    quint64 index = number - m_removedPackets - 1;
    int row = 0;
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const Segment& segment = m_segments[i];
        if (index >= segment.rows()) {
            index -= segment.rows();
            row += m_shownRows[i];
            continue;
        }
        const auto shownEnd = segment.matches.begin() + m_shownRows[i];
        const auto it = std::lower_bound(segment.matches.begin(), shownEnd, index);
        if (it == shownEnd || *it != index)
            return -1;
        return row + int(it - segment.matches.begin());
    }
    return -1;
}

quint64 PacketListModel::knownPackets() const
{
    quint64 total = 0;
    for (const Segment& segment : m_segments)
        total += segment.rows();
    return total;
}

quint64 PacketListModel::indexedPackets() const
{
    quint64 total = 0;
    for (const Segment& segment : m_segments)
        total += segment.indexed;
    return total;
}

quint64 PacketListModel::indexedWireBytes() const
{
    quint64 total = 0;
    for (const Segment& segment : m_segments)
        total += segment.wireBytes;
    return total;
}

QString PacketListModel::formatName() const
{
    for (const Segment& segment : m_segments) {
        if (segment.layout)
            return segment.layout->formatName();
    }
    return {};
}

int PacketListModel::interfaceCount() const
{
    std::size_t most = std::size_t(m_recordInterfaces.size());
    for (const Segment& segment : m_segments) {
        if (!segment.layout)
            continue;
        for (const CaptureLayout::Section& section : segment.layout->sections)
            most = std::max(most, section.interfaces.size());
    }
    return int(most);
}

void PacketListModel::setRecordingInterfaces(const QHash<int, QString>& byIndex)
{
    m_recordInterfaces = byIndex;
    noteInterfaceCount();
}

void PacketListModel::noteInterfaceCount()
{
    const int count = interfaceCount();
    if (count == m_lastInterfaceCount)
        return;
    m_lastInterfaceCount = count;
    emit interfaceCountChanged(count);
}

PacketListModel::Packet PacketListModel::packet(int row) const
{
    Packet result;
    const Location where = locate(row);
    if (where.segment < 0)
        return result;
    const Segment& segment = m_segments[std::size_t(where.segment)];
    result.path = segment.path;
    result.numberInFile = where.index + 1;
    if (const CachedRow* cached = fileRow(where)) {
        const ScannedPacket& p = cached->packet;
        result.valid = result.fromFile = true;
        result.timestampNs = p.timestampNs;
        result.wireLength = p.wireLength;
        result.capturedLength = p.capturedLength;
        result.linkType = p.linkType;
        result.direction = p.direction;
        result.offset = p.offset;
        result.comments = cached->comments;
        result.programs = cached->programs;
        if (const CaptureLayout::Section* section = segment.layout->sectionAt(p.offset);
            section && p.interfaceId < section->interfaces.size())
            result.interfaceName = section->interfaces[p.interfaceId].name;
    } else if (const proto::PacketRecord* record = recentRecord(where)) {
        result.valid = true;
        result.timestampNs = record->timestampNs;
        result.wireLength = record->wireLength;
        result.capturedLength = record->capturedLength;
        result.linkType = record->linkType;
        result.direction = record->direction;
        result.offset = record->fileOffset;
        result.programs = recordPrograms(*record);
        result.interfaceName = m_recordInterfaces.value(record->ifindex);
    }
    return result;
}

QByteArray PacketListModel::frame(int row) const
{
    const Location where = locate(row);
    if (where.segment < 0)
        return {};
    const Segment& segment = m_segments[std::size_t(where.segment)];
    if (const CachedRow* cached = fileRow(where)) {
        const FileDescriptor file(segment.path);
        FrameSink sink;
        QString error;
        if (file.get() >= 0 && readPacketsAt(file.get(), *segment.layout, cached->packet.offset, 1,
                                             segment.position, sink, &error) == 1)
            return sink.frame;
    }
    if (const proto::PacketRecord* record = recentRecord(where))
        return record->head;
    return {};
}

DecodedSummary PacketListModel::summary(int row) const
{
    const Location where = locate(row);
    if (const CachedRow* cached = fileRow(where))
        return cached->summary;
    if (const proto::PacketRecord* record = recentRecord(where)) {
        // The view asks for four text columns of one row in a row: decode once.
        if (record->number != m_cachedRecentNumber) {
            m_cachedRecentSummary = decodeSummary(
                reinterpret_cast<const uchar*>(record->head.constData()), int(record->head.size()),
                record->linkType, int(std::min<quint32>(record->capturedLength, INT_MAX)));
            m_cachedRecentNumber = record->number;
        }
        return m_cachedRecentSummary;
    }
    return {};
}

QString PacketListModel::filePath(int row) const
{
    const Location where = locate(row);
    return where.segment < 0 ? QString() : m_segments[std::size_t(where.segment)].path;
}

// ---- Display ----

QString PacketListModel::timeText(qint64 timestampNs) const
{
    if (m_timeFormat == TimeFormat::Relative) {
        const qint64 ns = timestampNs - m_firstTimestampNs;
        const qint64 magnitude = ns < 0 ? -ns : ns;
        // Integer arithmetic: doubles lose the last digits after a few days.
        return QStringLiteral("%1%2%3%4")
            .arg(ns < 0 ? QLocale().negativeSign() : QString())
            .arg(magnitude / 1'000'000'000)
            .arg(QLocale().decimalPoint())
            .arg((magnitude % 1'000'000'000) / 1000, 6, 10, QLatin1Char('0'));
    }
    qint64 seconds = timestampNs / 1'000'000'000;
    qint64 nanoseconds = timestampNs % 1'000'000'000;
    if (nanoseconds < 0) {
        nanoseconds += 1'000'000'000;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("hh:mm:ss")) +
           QLocale().decimalPoint() +
           QStringLiteral("%1").arg(nanoseconds, 9, 10, QLatin1Char('0'));
}

QString PacketListModel::directionText(Direction direction) const
{
    switch (direction) {
    case Direction::Incoming:
        //: Packet direction column: received by this host
        return tr("In");
    case Direction::Outgoing:
        //: Packet direction column: sent by this host
        return tr("Out");
    case Direction::OtherHost:
        //: Packet direction column: between other hosts (promiscuous mode)
        return tr("Other");
    case Direction::Unknown:
        //: Packet direction column: the file does not record the direction
        return tr("?");
    }
    return {};
}

QVariant PacketListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == Number || index.column() == Time || index.column() == Length)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == DirectionColumn || index.column() == Protocol)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    if (role == Qt::DisplayRole && index.column() == Number)
        return packetNumber(index.row());
    const Packet p = packet(index.row());
    if (!p.valid) {
        // Written, but not read yet (the list is a moment behind the file).
        if (role == Qt::ToolTipRole)
            return tr("Recorded; the list reads it from the file in a moment");
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return timeText(p.timestampNs);
        case Interface:
            return p.interfaceName;
        case DirectionColumn:
            return directionText(p.direction);
        case Source:
            return summary(index.row()).source;
        case Destination:
            return summary(index.row()).destination;
        case Protocol:
            return summary(index.row()).protocol;
        case Length:
            return p.wireLength;
        case Program:
            return programsText(p.programs);
        case Info:
            return summary(index.row()).info;
        }
        return {};
    }
    // Tool tips
    switch (index.column()) {
    case Number:
        // The packet's pcapng comments (Wireshark's frame.comment), one a line.
        if (p.comments.isEmpty())
            return {};
        return p.comments.join(QLatin1Char('\n'));
    case DirectionColumn:
        switch (p.direction) {
        case Direction::Incoming:
            return tr("Received by this host");
        case Direction::Outgoing:
            return tr("Sent by this host");
        case Direction::OtherHost:
            return tr("Between other hosts, seen in promiscuous mode");
        case Direction::Unknown:
            return tr("The file does not record whether this packet was sent or received");
        }
        return {};
    case Length:
        if (p.capturedLength < p.wireLength)
            //: Tooltip of a truncated packet's length; %1 and %2 are byte counts
            return tr("%1 on the wire, %2 captured")
                .arg(tr("%Ln byte(s)", nullptr, int(p.wireLength)),
                     tr("%Ln byte(s)", nullptr, int(p.capturedLength)));
        return {};
    case Program:
        return programsToolTip(p.programs);
    case Info:
        return summary(index.row()).info;
    default:
        return {};
    }
}

QVariant PacketListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Number:
            //: Column header: packet number
            return tr("No.");
        case Time:
            return tr("Time");
        case Interface:
            //: Column header: the interface a packet was recorded on
            return tr("Interface");
        case DirectionColumn:
            //: Column header: In/Out/Other
            return tr("Dir.");
        case Source:
            return tr("Source");
        case Destination:
            return tr("Destination");
        case Protocol:
            return tr("Protocol");
        case Length:
            return tr("Length");
        case Program:
            //: Column header: the program that sent or received the packet
            return tr("Program");
        case Info:
            return tr("Info");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Number:
            if (m_removedPackets > 0)
                return withCount(tr("Packet number since the start of the recording. The files "
                                    "of the oldest %Ln packet(s) were deleted to keep the newest "
                                    "files only.",
                                    nullptr, pluralCount(m_removedPackets)),
                                 m_removedPackets);
            return tr("Packet number in the file, as Wireshark numbers it");
        case Time:
            return m_timeFormat == TimeFormat::Relative ? tr("Seconds since the first packet")
                                                        : tr("Local time the packet was captured");
        case Interface:
            return tr("The interface the packet was recorded on, as the file names it; "
                      "machine:interface for another machine's");
        case DirectionColumn:
            return tr("Direction relative to this host: In, Out, or Other (between other hosts); "
                      "? where the file does not record it");
        case Length:
            return tr("Bytes on the wire");
        case Program:
            return tr("The program on this computer that sent or received the packet, from the "
                      "recording or the file's packet comments; sender → receiver when both are "
                      "here");
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == Number || section == Time || section == Length)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (section == DirectionColumn || section == Protocol)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

// ---- Sources of rows ----

void PacketListModel::startIndexer()
{
    if (m_indexer) {
        // Its queued work returns at once; it goes when that is done.
        m_indexer->cancel();
        disconnect(m_indexer, nullptr, this, nullptr);
        m_indexer->deleteLater();
    }
    auto* indexer = new CaptureIndexer;
    indexer->moveToThread(&m_thread);
    connect(indexer, &CaptureIndexer::progress, this, &PacketListModel::onProgress,
            Qt::QueuedConnection);
    m_indexer = indexer;
}

void PacketListModel::addSegment(const QString& path, bool wantTraffic)
{
    Segment segment;
    segment.id = m_nextSegmentId++;
    segment.path = path;
    // The file before it is complete now: read it to its end.
    if (!m_segments.empty() && !m_segments.back().finished)
        queueScan(m_segments.back().id, ~quint64(0), true);
    m_segments.push_back(segment);
    m_shownRows.push_back(0);
    m_indexing = true;
    QMetaObject::invokeMethod(
        m_indexer,
        [indexer = m_indexer.data(), id = segment.id, path, wantTraffic] {
            indexer->openFile(id, path, wantTraffic);
        },
        Qt::QueuedConnection);
}

void PacketListModel::queueScan(int segmentId, quint64 limit, bool last)
{
    // Runs in the indexer's thread, after what was queued before.
    QMetaObject::invokeMethod(
        m_indexer,
        [indexer = m_indexer.data(), segmentId, limit, last] {
            indexer->scanTo(segmentId, limit, last);
        },
        Qt::QueuedConnection);
}

void PacketListModel::openFile(const QString& path)
{
    clear();
    m_live = false;
    m_openedFileBytes = quint64(std::max<qint64>(QFileInfo(path).size(), 0));
    addSegment(path, true);
    queueScan(m_segments.back().id, ~quint64(0), true);
}

void PacketListModel::startRecording()
{
    clear();
    m_live = true;
}

void PacketListModel::recordingFileStarted(const QString& path, quint32 filesKept)
{
    if (!m_segments.empty() && m_segments.back().path == path)
        return;
    addSegment(path, false);
    // A ring deleted its oldest files; their rows go.
    while (filesKept > 0 && m_segments.size() > filesKept)
        dropOldestSegment();
}

void PacketListModel::dropOldestSegment()
{
    commitRows();
    const Segment& oldest = m_segments.front();
    const int rows = m_shownRows.front();
    if (rows > 0) {
        beginRemoveRows({}, 0, rows - 1);
        m_shownTotal -= rows;
        m_shownRows.front() = 0;
    }
    m_removedPackets += oldest.rows();
    const int id = oldest.id;
    if (m_filterScanner)
        QMetaObject::invokeMethod(
            m_filterScanner, [scanner = m_filterScanner.data(), id] { scanner->forget(id); },
            Qt::QueuedConnection);
    m_pages.erase(std::remove_if(m_pages.begin(), m_pages.end(),
                                 [id](const CachedPage& p) { return p.segmentId == id; }),
                  m_pages.end());
    m_segments.pop_front();
    m_shownRows.erase(m_shownRows.begin());
    if (m_firstPlaceholderRow >= 0)
        m_firstPlaceholderRow = std::max(m_firstPlaceholderRow - rows, 0);
    if (rows > 0) {
        endRemoveRows();
        emit headerDataChanged(Qt::Horizontal, Number, Number);
    }
}

void PacketListModel::fileBytesWritten(quint64 bytes)
{
    if (m_segments.empty() || !m_live || m_segments.back().finished)
        return;
    queueScan(m_segments.back().id, bytes, false);
}

void PacketListModel::appendPackets(const QList<proto::PacketRecord>& packets)
{
    if (packets.isEmpty() || m_segments.empty())
        return;
    Segment& newest = m_segments.back();
    if (m_recentSegmentId != newest.id) {
        m_recent.clear();
        m_recentSegmentId = newest.id;
    }
    for (const proto::PacketRecord& record : packets) {
        if (record.number == 0 || record.number <= newest.announced)
            continue; // numbers rise within a file
        newest.announced = record.number;
        noteTimestamp(record.timestampNs);
        // A pcap file names no programs: its records are all the filter has.
        if (m_programFilter && newest.layout && !filtersFromComments(newest) &&
            record.number <= quint64(UINT32_MAX) + 1 && recordMatches(record))
            newest.matches.push_back(quint32(record.number - 1));
        if (record.number > newest.indexed)
            m_recent.push_back(record);
    }
    while (m_recent.size() > std::size_t(kRecentRecords))
        m_recent.pop_front();
    scheduleCommit();
}

void PacketListModel::finishRecording()
{
    if (m_segments.empty())
        return;
    m_finishing = true;
    Segment& newest = m_segments.back();
    if (!newest.finished)
        queueScan(newest.id, ~quint64(0), true);
}

void PacketListModel::cancelIndexing()
{
    if (m_indexer)
        m_indexer->cancel();
    if (m_filterScanner)
        m_filterScanner->cancel();
}

void PacketListModel::noteTimestamp(qint64 timestampNs)
{
    if (!m_haveFirstTimestamp) {
        m_firstTimestampNs = timestampNs;
        m_haveFirstTimestamp = true;
    }
    m_lastTimestampNs = std::max(m_lastTimestampNs, timestampNs);
}

void PacketListModel::onProgress(const IndexProgress& progress)
{
    auto it = std::find_if(m_segments.begin(), m_segments.end(),
                           [&](const Segment& s) { return s.id == progress.file; });
    if (it == m_segments.end())
        return;
    Segment& segment = *it;
    segment.checkpoints.insert(segment.checkpoints.end(), progress.checkpoints.begin(),
                               progress.checkpoints.end());
    segment.indexed = progress.packets;
    segment.position = progress.position;
    segment.wireBytes = progress.wireBytes;
    if (progress.layout) {
        segment.layout = progress.layout;
        noteInterfaceCount();
    }
    if (progress.firstTimestampNs && it == m_segments.begin() && m_removedPackets == 0 &&
        (!m_haveFirstTimestamp || *progress.firstTimestampNs != m_firstTimestampNs)) {
        // The file's first packet is the zero of relative time, even when
        // the helper's first record was a later one.
        const bool shown = m_haveFirstTimestamp && m_shownTotal > 0;
        m_haveFirstTimestamp = false;
        noteTimestamp(*progress.firstTimestampNs);
        if (shown)
            emit dataChanged(index(0, Time), index(m_shownTotal - 1, Time), {Qt::DisplayRole});
    }
    if (progress.packets > 0)
        m_lastTimestampNs = std::max(m_lastTimestampNs, progress.lastTimestampNs);
    // The helper's records the index has reached are not needed any more.
    if (segment.id == m_recentSegmentId) {
        while (!m_recent.empty() && m_recent.front().number <= segment.indexed)
            m_recent.pop_front();
    }
    if (!progress.seconds.isEmpty())
        emit trafficIndexed(progress.seconds);
    // A ring may delete a file before the index reaches its end: that is
    // the ring working, not a damaged file.
    if (!progress.error.isEmpty() && !(m_live && !QFileInfo::exists(segment.path)))
        emit indexingFailed(segment.path, progress.error);
    if (progress.finished)
        segment.finished = true;
    if (m_programFilter) {
        if (filtersFromComments(segment))
            queueFilterScan(segment);
        else if (segment.finished)
            segment.filterFinished = true;
    }
    const bool allDone = std::all_of(m_segments.begin(), m_segments.end(),
                                     [](const Segment& s) { return s.finished; });
    if (!m_live)
        emit indexingProgress(progress.position, std::max(m_openedFileBytes, progress.position));
    // An opened file shows its first rows at once; later ones come in steps.
    if (m_shownTotal == 0 || allDone)
        commitRows();
    else
        scheduleCommit();
    if (allDone && m_indexing && (!m_live || m_finishing)) {
        m_indexing = false;
        emit indexingFinished();
    }
    if (m_programFilter)
        noteFilterProgress();
}

void PacketListModel::scheduleCommit()
{
    if (!m_commitTimer.isActive())
        m_commitTimer.start();
}

void PacketListModel::commitRows()
{
    m_commitTimer.stop();
    // Rows read from the file since the last commit: repaint those shown
    // as placeholders or from the helper's records.
    int firstUnread = -1;
    int position = 0;
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        const Segment& segment = m_segments[i];
        const quint64 target = std::min<quint64>(
            m_programFilter ? segment.matches.size() : segment.rows(), quint64(INT_MAX - position));
        const int shown = m_shownRows[i];
        if (quint64(shown) < target) {
            const int add = int(target - quint64(shown));
            beginInsertRows({}, position + shown, position + shown + add - 1);
            m_shownRows[i] += add;
            m_shownTotal += add;
            endInsertRows();
        }
        if (firstUnread < 0 && m_programFilter) {
            // Matches from the helper's records may be ahead of the index.
            const auto shownEnd = segment.matches.begin() + m_shownRows[i];
            const auto unread =
                std::lower_bound(segment.matches.begin(), shownEnd, segment.indexed);
            if (unread != shownEnd)
                firstUnread = position + int(unread - segment.matches.begin());
        } else if (firstUnread < 0 && segment.indexed < quint64(m_shownRows[i])) {
            firstUnread = position + int(segment.indexed);
        }
        position += m_shownRows[i];
    }
    if (m_firstPlaceholderRow >= 0) {
        const int end = firstUnread < 0 ? m_shownTotal : firstUnread;
        if (end > m_firstPlaceholderRow)
            emit dataChanged(index(m_firstPlaceholderRow, 0), index(end - 1, ColumnCount - 1));
    }
    m_firstPlaceholderRow = firstUnread;
}

void PacketListModel::setTimeFormat(TimeFormat format)
{
    if (format == m_timeFormat)
        return;
    m_timeFormat = format;
    if (m_shownTotal > 0)
        emit dataChanged(index(0, Time), index(m_shownTotal - 1, Time), {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, Time, Time);
}

void PacketListModel::clear()
{
    const bool hadFilter = m_programFilter.has_value();
    beginResetModel();
    startIndexer();
    stopProgramFilter();
    m_programFilter.reset();
    m_segments.clear();
    m_shownRows.clear();
    m_shownTotal = 0;
    m_removedPackets = 0;
    m_firstPlaceholderRow = -1;
    m_recent.clear();
    m_recentSegmentId = -1;
    m_recordInterfaces.clear();
    m_pages.clear();
    m_cachedRecentNumber = 0;
    m_indexing = m_live = m_finishing = false;
    m_openedFileBytes = 0;
    m_commitTimer.stop();
    m_haveFirstTimestamp = false;
    m_firstTimestampNs = m_lastTimestampNs = 0;
    endResetModel();
    noteInterfaceCount();
    if (hadFilter)
        emit programFilterChanged();
}

// ---- Programs ----

void PacketListModel::setPrograms(const QList<proto::ProgramInfo>& programs)
{
    bool changed = false;
    for (const proto::ProgramInfo& info : programs) {
        const std::optional<PacketProgram> program = programFromInfo(info);
        if (!program || info.id == 0)
            continue;
        auto it = m_programs.find(info.id);
        if (it == m_programs.end()) {
            m_programs.insert(info.id, *program);
            changed = true;
        } else if (*it != *program) {
            *it = *program;
            changed = true;
        }
    }
    // Only the rows still shown from the helper's records use the names.
    if (changed && m_live && !m_recent.empty() && m_shownTotal > 0)
        emit dataChanged(index(0, Program), index(m_shownTotal - 1, Program), {Qt::DisplayRole});
}

QList<PacketProgram> PacketListModel::recordPrograms(const proto::PacketRecord& record) const
{
    QList<PacketProgram> programs;
    for (const quint32 id : {record.sourceProgram, record.destinationProgram}) {
        const auto it = id ? m_programs.constFind(id) : m_programs.constEnd();
        if (it != m_programs.constEnd())
            programs.append(*it);
    }
    return programs;
}

bool PacketListModel::recordMatches(const proto::PacketRecord& record) const
{
    const ProgramFilter& filter = *m_programFilter;
    const bool special = filter.kind == ProgramFilter::Kind::NotAttributed ||
                         filter.kind == ProgramFilter::Kind::NotTcpUdp;
    if (!special && filter.programId != 0)
        return record.sourceProgram == filter.programId ||
               record.destinationProgram == filter.programId;
    const QList<PacketProgram> programs = recordPrograms(record);
    bool tcpOrUdp = false;
    if (special && programs.isEmpty())
        tcpOrUdp = decodeSummary(reinterpret_cast<const uchar*>(record.head.constData()),
                                 int(record.head.size()), record.linkType,
                                 int(std::min<quint32>(record.capturedLength, INT_MAX)))
                       .sourcePort >= 0;
    return filter.matches(programs, tcpOrUdp);
}

bool PacketListModel::filtersFromComments(const Segment& segment) const
{
    return segment.layout && segment.layout->format == CaptureLayout::Format::Pcapng;
}

PacketListModel::ProgramFilterCoverage PacketListModel::programFilterCoverage() const
{
    if (!m_programFilter)
        return ProgramFilterCoverage::NoFilter;
    for (const Segment& segment : m_segments) {
        if (segment.layout && !filtersFromComments(segment))
            return m_live ? ProgramFilterCoverage::RecordsOnly : ProgramFilterCoverage::NoPrograms;
    }
    return ProgramFilterCoverage::WholeFile;
}

QString PacketListModel::programFilterNote() const
{
    switch (programFilterCoverage()) {
    case ProgramFilterCoverage::RecordsOnly:
        return tr("A pcap file stores no programs: only the packets the recorder reported "
                  "while the filter was on are shown. Record to pcapng to filter every packet.");
    case ProgramFilterCoverage::NoPrograms:
        return tr("This file is pcap, which stores no programs: no packet can be shown for "
                  "a program.");
    case ProgramFilterCoverage::NoFilter:
    case ProgramFilterCoverage::WholeFile:
        break;
    }
    return {};
}

void PacketListModel::startFilterScanner()
{
    stopProgramFilter();
    if (!m_filterThread.isRunning()) {
        m_filterThread.setObjectName(QStringLiteral("program filter"));
        m_filterThread.start(QThread::LowPriority);
    }
    auto* scanner = new ProgramFilterScanner(*m_programFilter);
    scanner->moveToThread(&m_filterThread);
    connect(scanner, &ProgramFilterScanner::progress, this, &PacketListModel::onFilterProgress,
            Qt::QueuedConnection);
    m_filterScanner = scanner;
}

void PacketListModel::stopProgramFilter()
{
    if (m_filterScanner) {
        // Its queued work returns at once; it goes when that is done.
        m_filterScanner->cancel();
        disconnect(m_filterScanner, nullptr, this, nullptr);
        m_filterScanner->deleteLater();
        m_filterScanner = nullptr;
    }
    m_filteringPrograms = false;
}

void PacketListModel::queueFilterScan(const Segment& segment)
{
    if (!m_filterScanner || segment.filterFinished)
        return;
    // Up to the end of the index's last whole record, in the filter's thread.
    QMetaObject::invokeMethod(
        m_filterScanner,
        [scanner = m_filterScanner.data(), id = segment.id, path = segment.path,
         limit = segment.position,
         last = segment.finished] { scanner->scanTo(id, path, limit, last); },
        Qt::QueuedConnection);
}

void PacketListModel::setProgramFilter(const ProgramFilter& filter)
{
    commitRows();
    beginResetModel();
    m_programFilter = filter;
    startFilterScanner();
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        Segment& segment = m_segments[i];
        segment.matches.clear();
        segment.matches.shrink_to_fit();
        segment.filtered = 0;
        segment.filterFinished = false;
        m_shownRows[i] = 0;
        if (filtersFromComments(segment)) {
            queueFilterScan(segment);
        } else {
            // pcap: what the helper's records still held say.
            if (segment.layout && segment.id == m_recentSegmentId) {
                for (const proto::PacketRecord& record : m_recent) {
                    if (record.number <= quint64(UINT32_MAX) + 1 && recordMatches(record))
                        segment.matches.push_back(quint32(record.number - 1));
                }
            }
            segment.filterFinished = segment.finished;
        }
    }
    m_shownTotal = 0;
    m_firstPlaceholderRow = -1;
    m_filteringPrograms = true;
    endResetModel();
    emit programFilterChanged();
    commitRows();
    noteFilterProgress();
}

void PacketListModel::clearProgramFilter()
{
    if (!m_programFilter)
        return;
    commitRows();
    beginResetModel();
    stopProgramFilter();
    m_programFilter.reset();
    for (std::size_t i = 0; i < m_segments.size(); ++i) {
        Segment& segment = m_segments[i];
        segment.matches.clear();
        segment.matches.shrink_to_fit();
        segment.filtered = 0;
        segment.filterFinished = false;
        m_shownRows[i] = 0;
    }
    m_shownTotal = 0;
    m_firstPlaceholderRow = -1;
    endResetModel();
    emit programFilterChanged();
    commitRows();
}

void PacketListModel::onFilterProgress(const ProgramFilterProgress& progress)
{
    // A report of a filter replaced since may still be queued.
    if (!m_programFilter || sender() != m_filterScanner.data())
        return;
    auto it = std::find_if(m_segments.begin(), m_segments.end(),
                           [&](const Segment& s) { return s.id == progress.file; });
    if (it == m_segments.end())
        return;
    Segment& segment = *it;
    segment.matches.insert(segment.matches.end(), progress.matches.begin(), progress.matches.end());
    segment.filtered = progress.packets;
    if (progress.finished)
        segment.filterFinished = true;
    noteFilterProgress();
}

void PacketListModel::noteFilterProgress()
{
    quint64 read = 0, indexed = 0;
    bool allDone = true;
    for (const Segment& s : m_segments) {
        read += filtersFromComments(s) ? s.filtered : s.indexed;
        indexed += s.indexed;
        allDone = allDone && s.filterFinished;
    }
    if (m_filteringPrograms)
        emit programFilterProgress(read, indexed);
    if (m_shownTotal == 0 || allDone)
        commitRows();
    else
        scheduleCommit();
    if (allDone && m_filteringPrograms && !m_indexing) {
        m_filteringPrograms = false;
        emit programFilterFinished();
    }
}

} // namespace pr
