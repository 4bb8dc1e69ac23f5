#include "ui/packets/packet_list_model.h"

#include "ui/packets/count_text.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <cstring>

namespace pr {

// 40 bytes per packet; the head bytes live in the arena.
struct PacketListModel::Row
{
    qint64 timestampNs = 0;
    quint64 fileOffset = 0;
    quint64 headPosition = 0; // absolute position in the arena
    quint32 wireLength = 0;
    quint32 capturedLength = 0;
    qint32 ifindex = 0;
    quint16 linkType = 0;
    quint8 direction = 0;
    quint8 headLength = 0;
};
static_assert(proto::kMaxRecordHeadBytes <= 255, "headLength is one byte");

// Head bytes in 1 MiB chunks addressed by an ever-growing position. A head
// never straddles two chunks, and chunks are freed from the front once every
// row pointing into them has been trimmed.
class PacketListModel::HeadArena
{
public:
    static constexpr quint64 kChunkBytes = 1u << 20;

    quint64 append(const char* data, int length)
    {
        if (m_end % kChunkBytes + quint64(length) > kChunkBytes)
            m_end += kChunkBytes - m_end % kChunkBytes;
        while (m_end + quint64(length) > m_base + m_chunks.size() * kChunkBytes)
            m_chunks.push_back(std::make_unique<uchar[]>(kChunkBytes));
        const quint64 position = m_end;
        if (length > 0)
            std::memcpy(pointer(position), data, size_t(length));
        m_end += quint64(length);
        return position;
    }

    const uchar* pointer(quint64 position) const
    {
        const quint64 relative = position - m_base;
        return m_chunks[size_t(relative / kChunkBytes)].get() + relative % kChunkBytes;
    }
    uchar* pointer(quint64 position)
    {
        const quint64 relative = position - m_base;
        return m_chunks[size_t(relative / kChunkBytes)].get() + relative % kChunkBytes;
    }

    // Frees the chunks wholly before `position` (the oldest live head).
    void releaseBefore(quint64 position)
    {
        while (!m_chunks.empty() && m_base + kChunkBytes <= position) {
            m_chunks.pop_front();
            m_base += kChunkBytes;
        }
    }

    void clear()
    {
        m_chunks.clear();
        m_base = m_end = 0;
    }

    qint64 bytes() const { return qint64(m_chunks.size() * kChunkBytes); }

private:
    std::deque<std::unique_ptr<uchar[]>> m_chunks;
    quint64 m_base = 0; // position of m_chunks.front()
    quint64 m_end = 0;  // next free position
};

PacketListModel::PacketListModel(QObject* parent)
    : QAbstractTableModel(parent), m_arena(std::make_unique<HeadArena>())
{
    static_assert(sizeof(Row) == 40, "rows stay compact");
}

PacketListModel::~PacketListModel() = default;

int PacketListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PacketListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const PacketListModel::Row& PacketListModel::rowAt(int row) const
{
    return m_rows[size_t(row)];
}

quint64 PacketListModel::packetNumber(int row) const
{
    return m_trimmed + quint64(row) + 1;
}

DecodedSummary PacketListModel::summary(int row) const
{
    const quint64 number = packetNumber(row);
    if (number != m_cachedNumber) {
        const Row& r = rowAt(row);
        m_cachedSummary = decodeSummary(m_arena->pointer(r.headPosition), r.headLength, r.linkType,
                                        int(qMin<quint32>(r.capturedLength, INT_MAX)));
        m_cachedNumber = number;
    }
    return m_cachedSummary;
}

QString PacketListModel::timeText(const Row& row) const
{
    if (m_timeFormat == TimeFormat::Relative) {
        const qint64 ns = row.timestampNs - m_firstTimestampNs;
        const qint64 magnitude = ns < 0 ? -ns : ns;
        // Integer arithmetic: doubles lose the last digits after a few days.
        return QStringLiteral("%1%2%3%4")
            .arg(ns < 0 ? QLocale().negativeSign() : QString())
            .arg(magnitude / 1'000'000'000)
            .arg(QLocale().decimalPoint())
            .arg((magnitude % 1'000'000'000) / 1000, 6, 10, QLatin1Char('0'));
    }
    qint64 seconds = row.timestampNs / 1'000'000'000;
    qint64 nanoseconds = row.timestampNs % 1'000'000'000;
    if (nanoseconds < 0) {
        nanoseconds += 1'000'000'000;
        --seconds;
    }
    return QDateTime::fromSecsSinceEpoch(seconds).toString(QStringLiteral("hh:mm:ss")) +
           QLocale().decimalPoint() +
           QStringLiteral("%1").arg(nanoseconds, 9, 10, QLatin1Char('0'));
}

QVariant PacketListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const Row& row = rowAt(index.row());
    const auto direction = proto::Direction(row.direction);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Number:
            return packetNumber(index.row());
        case Time:
            return timeText(row);
        case DirectionColumn:
            switch (direction) {
            case proto::Direction::Incoming:
                //: Packet direction column: received by this host
                return tr("In");
            case proto::Direction::Outgoing:
                //: Packet direction column: sent by this host
                return tr("Out");
            case proto::Direction::OtherHost:
                //: Packet direction column: between other hosts (promiscuous mode)
                return tr("Other");
            }
            return {};
        case Source:
            return summary(index.row()).source;
        case Destination:
            return summary(index.row()).destination;
        case Protocol:
            return summary(index.row()).protocol;
        case Length:
            return row.wireLength;
        case Info:
            return summary(index.row()).info;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DirectionColumn) {
            switch (direction) {
            case proto::Direction::Incoming:
                return tr("Received by this host");
            case proto::Direction::Outgoing:
                return tr("Sent by this host");
            case proto::Direction::OtherHost:
                return tr("Between other hosts, seen in promiscuous mode");
            }
        }
        if (index.column() == Length && row.capturedLength < row.wireLength)
            //: Tooltip of a truncated packet's length; %1 and %2 are byte counts
            return tr("%1 on the wire, %2 captured")
                .arg(tr("%Ln byte(s)", nullptr, int(row.wireLength)),
                     tr("%Ln byte(s)", nullptr, int(row.capturedLength)));
        if (index.column() == Info)
            return summary(index.row()).info;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Time || index.column() == Length)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == DirectionColumn || index.column() == Protocol)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
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
        case Info:
            return tr("Info");
        }
    } else if (role == Qt::ToolTipRole) {
        switch (section) {
        case Number:
            if (m_trimmed > 0)
                return withCount(tr("Packet number since the start of the recording. The "
                                    "oldest %Ln packet(s) were removed from this list to bound "
                                    "its memory; the file still has them.",
                                    nullptr, pluralCount(quint64(m_trimmed))),
                                 quint64(m_trimmed));
            return tr("Packet number since the start of the recording");
        case Time:
            return m_timeFormat == TimeFormat::Relative ? tr("Seconds since the first packet")
                                                        : tr("Local time the packet was captured");
        case DirectionColumn:
            return tr("Direction relative to this host: In, Out, or Other (between other hosts)");
        case Length:
            return tr("Bytes on the wire");
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

void PacketListModel::appendPackets(const QList<proto::PacketRecord>& packets)
{
    if (packets.isEmpty())
        return;
    for (const proto::PacketRecord& packet : packets)
        m_pendingHeadBytes += qMin<qint64>(packet.head.size(), proto::kMaxRecordHeadBytes);
    m_pending += packets;
    scheduleFlush();
}

void PacketListModel::scheduleFlush()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // Queued: however many batches arrive in this turn of the event loop,
    // the view sees one insertion.
    QMetaObject::invokeMethod(this, &PacketListModel::flushPending, Qt::QueuedConnection);
}

void PacketListModel::trimFor(int incoming, qint64 incomingBytes)
{
    const qint64 liveBytes = m_rows.empty() ? 0 : qint64(m_arena->bytes());
    const qint64 totalRows = qint64(m_rows.size()) + incoming;
    if (totalRows <= m_maximumRows && liveBytes + incomingBytes <= m_maximumArenaBytes)
        return;
    // Drop to 90 % of both limits so trimming happens in big, rare steps.
    const qint64 targetRows = qMin<qint64>(totalRows, m_maximumRows - m_maximumRows / 10);
    const qint64 targetBytes =
        m_maximumArenaBytes - m_maximumArenaBytes / 10 - qint64(HeadArena::kChunkBytes);
    qint64 keep = 0;
    qint64 bytes = 0;
    for (auto it = m_pending.crbegin(); it != m_pending.crend(); ++it) {
        const qint64 size = qMin<qint64>(it->head.size(), proto::kMaxRecordHeadBytes);
        if (keep >= targetRows || bytes + size > targetBytes)
            break;
        ++keep;
        bytes += size;
    }
    if (keep == incoming) {
        for (auto it = m_rows.crbegin(); it != m_rows.crend(); ++it) {
            if (keep >= targetRows || bytes + it->headLength > targetBytes)
                break;
            ++keep;
            bytes += it->headLength;
        }
    }
    const qint64 drop = totalRows - keep;
    const qint64 dropRows = qMin<qint64>(drop, qint64(m_rows.size()));
    if (dropRows > 0) {
        beginRemoveRows({}, 0, int(dropRows - 1));
        m_rows.erase(m_rows.begin(), m_rows.begin() + dropRows);
        if (m_rows.empty())
            m_arena->clear();
        else
            m_arena->releaseBefore(m_rows.front().headPosition);
        m_trimmed += quint64(dropRows);
        m_cachedNumber = 0;
        endRemoveRows();
    }
    const qint64 dropPending = drop - dropRows;
    if (dropPending > 0) {
        m_pending.remove(0, dropPending);
        m_trimmed += quint64(dropPending);
    }
    emit headerDataChanged(Qt::Horizontal, Number, Number);
    emit rowsTrimmed(m_trimmed);
}

void PacketListModel::flushPending()
{
    m_flushScheduled = false;
    if (m_pending.isEmpty())
        return;
    if (!m_haveFirstTimestamp) {
        m_firstTimestampNs = m_pending.first().timestampNs;
        m_haveFirstTimestamp = true;
    }
    m_totalAppended += quint64(m_pending.size());
    trimFor(int(m_pending.size()), m_pendingHeadBytes);
    const QList<proto::PacketRecord> pending = std::exchange(m_pending, {});
    m_pendingHeadBytes = 0;
    if (pending.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(pending.size()) - 1);
    for (const proto::PacketRecord& packet : pending) {
        Row row;
        row.timestampNs = packet.timestampNs;
        row.fileOffset = packet.fileOffset;
        row.wireLength = packet.wireLength;
        row.capturedLength = packet.capturedLength;
        row.ifindex = packet.ifindex;
        row.linkType = quint16(packet.linkType);
        row.direction = quint8(packet.direction);
        row.headLength = quint8(qMin<qsizetype>(packet.head.size(), proto::kMaxRecordHeadBytes));
        row.headPosition = m_arena->append(packet.head.constData(), row.headLength);
        m_rows.push_back(row);
    }
    endInsertRows();
}

void PacketListModel::setTimeFormat(TimeFormat format)
{
    if (format == m_timeFormat)
        return;
    m_timeFormat = format;
    if (!m_rows.empty())
        emit dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, Time, Time);
}

void PacketListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_arena->clear();
    m_pending.clear();
    m_pendingHeadBytes = 0;
    m_totalAppended = 0;
    m_trimmed = 0;
    m_haveFirstTimestamp = false;
    m_firstTimestampNs = 0;
    m_cachedNumber = 0;
    endResetModel();
}

void PacketListModel::setLimits(int maximumRows, qint64 maximumArenaBytes)
{
    // The arena needs room for a few chunks to trim in steps.
    m_maximumRows = qMax(maximumRows, 10);
    m_maximumArenaBytes = qMax<qint64>(maximumArenaBytes, 4 * HeadArena::kChunkBytes);
}

proto::PacketRecord PacketListModel::record(int row) const
{
    proto::PacketRecord record;
    if (row < 0 || row >= rowCount())
        return record;
    const Row& r = rowAt(row);
    record.timestampNs = r.timestampNs;
    record.ifindex = r.ifindex;
    record.direction = proto::Direction(r.direction);
    record.wireLength = r.wireLength;
    record.capturedLength = r.capturedLength;
    record.fileOffset = r.fileOffset;
    record.linkType = r.linkType;
    record.head =
        QByteArray(reinterpret_cast<const char*>(m_arena->pointer(r.headPosition)), r.headLength);
    return record;
}

qint64 PacketListModel::arenaBytes() const
{
    return m_arena->bytes();
}

} // namespace pr
