#pragma once

#include "capture/files/capture_indexer.h"
#include "capture/files/frame_decoder.h"
#include "capture/protocol/helper_messages.h"
#include "ui/packets/packet_programs.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace pr {

class ProgramFilterScanner;
struct ProgramFilterProgress;

// The packet list as a view of the capture file: row N is packet N of the
// file, numbered as Wireshark numbers it. The model holds a sparse index
// (the offset of every 64th packet, built in a thread of its own) and reads
// and decodes the rows the view asks for, 64 at a time, from the file; a
// small cache of decoded pages keeps scrolling smooth. Memory does not grow
// with the packets beyond the index: 8 bytes per 64.
//
// A recording is a sequence of files (one, or a ring of them); each is
// indexed behind the helper, up to the bytes it reported as written. The
// records the helper sends fill the newest rows before the index reaches
// them. The view learns of new rows at most kCommitIntervalMs apart, so the
// cost of showing them does not follow the packet rate.
//
// A program filter (setProgramFilter()) shows only one program's packets,
// keeping their numbers: a second thread reads the files behind the index
// for the packets whose pcapng comments name the program, and keeps only
// their numbers (4 bytes per packet shown).
class PacketListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Time,
        // if_name of a file of several interfaces ("eth0", "web1:eth0" for
        // another machine's); the view hides it for one interface.
        Interface,
        DirectionColumn, // not pr::Direction: the column showing it
        Source,
        Destination,
        Protocol,
        Length,
        Program, // pcapng comments of a file, or the helper's program ids
        Info,
        ColumnCount
    };
    enum class TimeFormat
    {
        Relative, // seconds since the first packet
        Absolute, // local time of day with nanoseconds
    };

    static constexpr int kPageRows = CaptureIndexer::kPageRows;
    static constexpr int kCachedPages = 48;
    static constexpr int kCommitIntervalMs = 100;
    // The helper's newest records kept until the index reaches them.
    static constexpr int kRecentRecords = 8192;

    explicit PacketListModel(QObject* parent = nullptr);
    ~PacketListModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // A file from disk; its rows appear as the index reaches them.
    void openFile(const QString& path);

    // A recording: startRecording() clears; each file of it is announced
    // as it starts (the first at Started). filesKept: how many of the
    // recording's files still exist (a ring deletes the oldest).
    void startRecording();
    void recordingFileStarted(const QString& path, quint32 filesKept = 0);
    // The helper's count of bytes in its newest file (Totals).
    void fileBytesWritten(quint64 bytes);
    // Records the helper sent: numbered in the newest file.
    void appendPackets(const QList<pr::proto::PacketRecord>& packets);
    // Every file of the recording is complete: index each to its end.
    void finishRecording();

    void cancelIndexing();
    void clear();

    // Rows the view has not been told of yet are committed now.
    void commitRows();
    bool isIndexing() const { return m_indexing; }
    // Rows come from a recording (else from an opened file).
    bool isRecording() const { return m_live; }
    // Packets known so far: indexed, or announced by the helper.
    quint64 knownPackets() const;
    quint64 indexedPackets() const;
    quint64 indexedWireBytes() const;
    qint64 firstTimestampNs() const { return m_firstTimestampNs; }
    qint64 lastTimestampNs() const { return m_lastTimestampNs; }
    QString formatName() const;
    // Interfaces the files describe (pcapng may have several; pcap has one),
    // or the recording's Started named, whichever is more.
    int interfaceCount() const;
    // A recording's interfaces by the index its packet records carry
    // (Started): names for the rows the index has not read yet.
    void setRecordingInterfaces(const QHash<int, QString>& byIndex);

    // The helper's Programs (merged by id): names for the program ids of its
    // packet records. Call it with each Programs message.
    void setPrograms(const QList<pr::proto::ProgramInfo>& programs);

    // How much a program filter can know of the list's files.
    enum class ProgramFilterCoverage
    {
        NoFilter,
        WholeFile,   // pcapng: every packet's comments are read
        RecordsOnly, // a pcap recording: only the helper's packet records name programs
        NoPrograms,  // an opened pcap file: the format stores no programs
    };
    // Shows only the packets of one program (or of the special rows), with
    // their numbers; replaces any filter. Reads the files in a thread
    // (programFilterProgress, programFilterFinished) and follows a recording.
    // openFile(), startRecording() and clear() drop the filter.
    void setProgramFilter(const pr::ProgramFilter& filter);
    // Shows every packet again.
    void clearProgramFilter();
    std::optional<pr::ProgramFilter> programFilter() const { return m_programFilter; }
    // The filter still reads (it follows a recording until finishRecording()).
    bool isFilteringPrograms() const { return m_filteringPrograms; }
    ProgramFilterCoverage programFilterCoverage() const;
    // A sentence for the status bar when the filter cannot see every
    // packet's program (pcap); empty otherwise.
    QString programFilterNote() const;

    void setTimeFormat(TimeFormat format);
    TimeFormat timeFormat() const { return m_timeFormat; }

    // 1-based number of the packet since the recording started (or in the
    // file): the files a ring deleted keep their numbers.
    quint64 packetNumber(int row) const;
    // The row of a packet number; -1 when it is not in the list.
    int rowOfPacketNumber(quint64 number) const;
    quint64 firstPacketNumber() const { return m_removedPackets + 1; }

    struct Packet
    {
        bool valid = false;
        bool fromFile = false; // else only the head the helper sent is known
        qint64 timestampNs = 0;
        quint32 wireLength = 0;
        quint32 capturedLength = 0;
        quint32 linkType = 0;
        Direction direction = Direction::Unknown;
        QString interfaceName; // when the file names it
        QString path;          // the file it is in
        quint64 numberInFile = 0;
        quint64 offset = 0;
        QStringList comments; // pcapng opt_comment, in file order
        // From its comments, or its record's program ids: sender first.
        QList<PacketProgram> programs;
    };
    Packet packet(int row) const;
    // The captured frame: from the file, else the head the helper sent.
    QByteArray frame(int row) const;
    DecodedSummary summary(int row) const;
    QString filePath(int row) const;

signals:
    void indexingProgress(quint64 bytesRead, quint64 bytesTotal);
    void indexingFinished();
    void indexingFailed(const QString& path, const QString& error);
    // Per-second traffic of an opened file, as the index grows.
    void trafficIndexed(const QList<pr::TrafficSecond>& seconds);
    // A program filter was set or cleared (or dropped by clear()).
    void programFilterChanged();
    // Packets the filter has read, of those indexed so far.
    void programFilterProgress(quint64 packetsRead, quint64 packetsIndexed);
    // Every file was read to its end (after finishRecording() for a recording).
    void programFilterFinished();
    // interfaceCount() changed: the Interface column is worth showing from 2.
    void interfaceCountChanged(int count);

private:
    struct Segment;
    struct CachedRow;
    struct CachedPage;
    struct Location
    {
        int segment = -1;  // index into m_segments
        quint64 index = 0; // 0-based in its file
    };

    Location locate(int row) const;
    const CachedRow* fileRow(const Location& where) const;
    const pr::proto::PacketRecord* recentRecord(const Location& where) const;
    QString timeText(qint64 timestampNs) const;
    void noteInterfaceCount();
    QString directionText(Direction direction) const;
    void startIndexer();
    void queueScan(int segmentId, quint64 limit, bool last);
    void onProgress(const pr::IndexProgress& progress);
    void scheduleCommit();
    void addSegment(const QString& path, bool wantTraffic);
    void dropOldestSegment();
    void noteTimestamp(qint64 timestampNs);
    QList<PacketProgram> recordPrograms(const pr::proto::PacketRecord& record) const;
    bool recordMatches(const pr::proto::PacketRecord& record) const;
    bool filtersFromComments(const Segment& segment) const;
    void noteFilterProgress();
    void startFilterScanner();
    void queueFilterScan(const Segment& segment);
    void onFilterProgress(const pr::ProgramFilterProgress& progress);
    void stopProgramFilter();

    std::deque<Segment> m_segments;
    int m_nextSegmentId = 0;
    quint64 m_removedPackets = 0; // in files a ring deleted
    std::vector<int> m_shownRows; // per segment, what the view has been told
    int m_shownTotal = 0;
    int m_firstPlaceholderRow = -1; // first shown row not read from a file yet

    std::deque<pr::proto::PacketRecord> m_recent; // newest file's, by number
    int m_recentSegmentId = -1;
    QHash<int, QString> m_recordInterfaces; // a record's ifindex -> name
    int m_lastInterfaceCount = 0;           // as interfaceCountChanged() said

    mutable std::vector<CachedPage> m_pages;
    mutable quint64 m_pageClock = 0;
    mutable quint64 m_cachedRecentNumber = 0;
    mutable DecodedSummary m_cachedRecentSummary;

    QThread m_thread;
    QPointer<CaptureIndexer> m_indexer;
    bool m_indexing = false;
    bool m_live = false;
    bool m_finishing = false;
    quint64 m_openedFileBytes = 0;
    QTimer m_commitTimer;
    TimeFormat m_timeFormat = TimeFormat::Relative;
    qint64 m_firstTimestampNs = 0;
    qint64 m_lastTimestampNs = 0;
    bool m_haveFirstTimestamp = false;

    QHash<quint32, PacketProgram> m_programs; // the helper's ids that name a program
    std::optional<ProgramFilter> m_programFilter;
    QThread m_filterThread; // started at the first filter
    QPointer<ProgramFilterScanner> m_filterScanner;
    bool m_filteringPrograms = false;
};

} // namespace pr
