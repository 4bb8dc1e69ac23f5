#pragma once

#include "capture/protocol/helper_messages.h"
#include "ui/packets/frame_decoder.h"

#include <QAbstractTableModel>
#include <QList>

#include <deque>
#include <memory>

namespace pr {

// The live packet list. Rows are compact fixed-size records; the first bytes
// of each frame sit in a chunked arena and are decoded only when data() asks.
// Appended packets are inserted once per event-loop turn with a single
// beginInsertRows, and the oldest rows are dropped in large chunks (with
// beginRemoveRows) so memory stays bounded however long a recording runs.
class PacketListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Time,
        DirectionColumn, // not pr::Direction: the column showing it
        Source,
        Destination,
        Protocol,
        Length,
        Info,
        ColumnCount
    };
    enum class TimeFormat
    {
        Relative, // seconds since the first packet
        Absolute, // local time of day with nanoseconds
    };

    static constexpr int kDefaultMaximumRows = 2'000'000;
    static constexpr qint64 kDefaultMaximumArenaBytes = 128ll << 20;

    explicit PacketListModel(QObject* parent = nullptr);
    ~PacketListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Queues the packets; they become rows on the next event-loop turn.
    void appendPackets(const QList<pr::proto::PacketRecord>& packets);
    // Inserts whatever is queued now (the queued call does the same).
    void flushPending();
    int pendingCount() const { return int(m_pending.size()); }

    void setTimeFormat(TimeFormat format);
    TimeFormat timeFormat() const { return m_timeFormat; }
    void clear();

    // Limits: once either is exceeded the oldest ~10 % of the rows go.
    void setLimits(int maximumRows, qint64 maximumArenaBytes);
    int maximumRows() const { return m_maximumRows; }
    qint64 maximumArenaBytes() const { return m_maximumArenaBytes; }

    // The packet behind a row, head bytes included (a deep copy).
    pr::proto::PacketRecord record(int row) const;
    // 1-based number of the packet since the list was cleared (survives trimming).
    quint64 packetNumber(int row) const;
    DecodedSummary summary(int row) const;

    quint64 totalAppended() const { return m_totalAppended; }
    quint64 trimmedCount() const { return m_trimmed; }
    // Memory held by the head-byte arena (whole chunks).
    qint64 arenaBytes() const;

signals:
    // Rows were dropped to stay within the limits; totalTrimmed since clear().
    void rowsTrimmed(quint64 totalTrimmed);

private:
    struct Row;
    class HeadArena;

    const Row& rowAt(int row) const;
    QString timeText(const Row& row) const;
    void trimFor(int incoming, qint64 incomingBytes);
    void scheduleFlush();

    std::deque<Row> m_rows;
    std::unique_ptr<HeadArena> m_arena;
    QList<pr::proto::PacketRecord> m_pending;
    qint64 m_pendingHeadBytes = 0;
    bool m_flushScheduled = false;
    TimeFormat m_timeFormat = TimeFormat::Relative;
    int m_maximumRows = kDefaultMaximumRows;
    qint64 m_maximumArenaBytes = kDefaultMaximumArenaBytes;
    quint64 m_totalAppended = 0;
    quint64 m_trimmed = 0;
    qint64 m_firstTimestampNs = 0;
    bool m_haveFirstTimestamp = false;

    // The view asks for four text columns of one row in a row; decode once.
    mutable quint64 m_cachedNumber = 0;
    mutable DecodedSummary m_cachedSummary;
};

} // namespace pr
