#pragma once

#include "capture/files/capture_file_scanner.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace pr {

// Traffic in one second of a capture file, for the chart of an opened file.
struct TrafficSecond
{
    qint64 second = 0; // since the file's first packet
    quint64 inBytes = 0, outBytes = 0, unknownBytes = 0;
    quint64 inPackets = 0, outPackets = 0, unknownPackets = 0;
};

// What the indexer learned since its last report about one file.
struct IndexProgress
{
    int file = 0;                                // the id given to openFile()
    std::vector<quint64> checkpoints;            // offsets of packets kPageRows * k, new ones
    quint64 packets = 0;                         // indexed so far in this file
    quint64 position = 0;                        // bytes of the file read
    quint64 wireBytes = 0;                       // on the wire, so far
    std::shared_ptr<const CaptureLayout> layout; // set when it changed
    std::optional<qint64> firstTimestampNs;      // in the first report with packets
    qint64 lastTimestampNs = 0;
    QList<TrafficSecond> seconds; // finished seconds (only when traffic is wanted)
    bool finished = false;        // the file was read to its end for the last time
    QString error;                // the file is damaged or unreadable
};

// Indexes capture files in a thread of its own: every kPageRows-th packet's
// offset (8 bytes per 64 packets), the packet count, and per-second traffic.
// One file at a time, in the order the calls were queued: a recording's
// files are indexed as the helper writes them, each up to what it reported
// as written, so a record half written is never read.
class CaptureIndexer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kPageRows = 64;

    explicit CaptureIndexer(QObject* parent = nullptr);
    ~CaptureIndexer() override;

    // Thread-safe: the current and every queued scan stop soon.
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }

public slots:
    // Starts a new file (the previous one is left as it was).
    void openFile(int file, const QString& path, bool wantTraffic);
    // Reads on up to `limit` bytes; `last`: the file is complete, read it to
    // the end and report finished.
    void scanTo(int file, quint64 limit, bool last);

signals:
    void progress(const pr::IndexProgress& progress);

private:
    class Sink;
    void report(bool finished, const QString& error);

    std::unique_ptr<CaptureFileScanner> m_scanner;
    std::unique_ptr<Sink> m_sink;
    int m_file = -1;
    bool m_failed = false;
    std::size_t m_reportedSections = 0;
    std::size_t m_reportedInterfaces = 0;
    std::atomic<bool> m_cancelled{false};
};

} // namespace pr

Q_DECLARE_METATYPE(pr::IndexProgress)
