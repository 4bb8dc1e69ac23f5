#include "capture/files/capture_indexer.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <deque>

namespace pr {

namespace {

struct IndexerText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureIndexer)
};

constexpr qint64 kSecondNs = 1'000'000'000;
// A gap longer than this in a file's timestamps is not filled second by second.
constexpr qint64 kLongestGapSeconds = 3600;
// Reports leave at most this often, and at once when the first rows are in.
constexpr qint64 kReportIntervalMs = 100;
constexpr quint64 kPacketsPerStep = 65536;

} // namespace

// Collects the index and the per-second traffic of one file.
class CaptureIndexer::Sink : public PacketSink
{
public:
    explicit Sink(bool wantTraffic) : m_wantTraffic(wantTraffic) {}

    void packet(const ScannedPacket& packet, const std::uint8_t* /*data*/) override
    {
        if (m_packets % kPageRows == 0)
            m_checkpoints.push_back(packet.offset);
        if (m_packets == 0) {
            m_first = packet.timestampNs;
            m_firstPending = true;
        }
        ++m_packets;
        m_wireBytes += packet.wireLength;
        m_last = packet.timestampNs;
        if (m_wantTraffic)
            count(packet);
    }

    // Moves what is new into `out`; `all` also the seconds still open.
    void take(IndexProgress& out, bool all)
    {
        out.checkpoints.swap(m_checkpoints);
        m_checkpoints.clear();
        out.packets = m_packets;
        out.wireBytes = m_wireBytes;
        out.lastTimestampNs = m_last;
        if (m_firstPending) {
            out.firstTimestampNs = m_first;
            m_firstPending = false;
        }
        // The newest two seconds may still get packets (a merged file's
        // interfaces are a little out of order).
        for (const TrafficSecond& flushed : m_flushed)
            out.seconds.append(flushed);
        m_flushed.clear();
        const std::size_t keep = all ? 0 : 2;
        while (m_open.size() > keep)
            emitFront(out);
    }

private:
    void count(const ScannedPacket& packet)
    {
        const qint64 second =
            packet.timestampNs >= m_first ? (packet.timestampNs - m_first) / kSecondNs : 0;
        if (m_open.empty())
            m_openFirst = second;
        const qint64 openEnd = m_openFirst + qint64(m_open.size());
        if (!m_open.empty() && second - openEnd > kLongestGapSeconds) {
            // A long quiet gap: close what is open with a quiet second after
            // it, and start again with a quiet second before the new traffic.
            flushOpen();
            m_flushed.push_back(TrafficSecond{openEnd});
            m_openFirst = second - 1;
        }
        if (second >= m_openFirst + qint64(m_open.size()))
            m_open.resize(std::size_t(second - m_openFirst + 1));
        // Late packets of a second already reported go to the oldest open one.
        TrafficSecond* bin = &m_open[std::size_t(std::max<qint64>(second - m_openFirst, 0))];
        switch (packet.direction) {
        case Direction::Incoming:
        case Direction::OtherHost:
            bin->inBytes += packet.wireLength;
            ++bin->inPackets;
            break;
        case Direction::Outgoing:
            bin->outBytes += packet.wireLength;
            ++bin->outPackets;
            break;
        case Direction::Unknown:
            bin->unknownBytes += packet.wireLength;
            ++bin->unknownPackets;
            break;
        }
    }

    void flushOpen()
    {
        for (std::size_t i = 0; i < m_open.size(); ++i) {
            m_flushed.push_back(m_open[i]);
            m_flushed.back().second = m_openFirst + qint64(i);
        }
        m_open.clear();
    }

    void emitFront(IndexProgress& out)
    {
        TrafficSecond second = m_open.front();
        second.second = m_openFirst;
        out.seconds.append(second);
        m_open.pop_front();
        ++m_openFirst;
    }

    bool m_wantTraffic;
    std::vector<quint64> m_checkpoints;
    quint64 m_packets = 0;
    quint64 m_wireBytes = 0;
    qint64 m_first = 0;
    qint64 m_last = 0;
    bool m_firstPending = false;
    std::deque<TrafficSecond> m_open; // seconds m_openFirst, m_openFirst + 1, ...
    qint64 m_openFirst = 0;
    std::vector<TrafficSecond> m_flushed; // closed by a long gap, not reported yet
};

CaptureIndexer::CaptureIndexer(QObject* parent) : QObject(parent)
{
    qRegisterMetaType<pr::IndexProgress>();
}

CaptureIndexer::~CaptureIndexer() = default;

void CaptureIndexer::openFile(int file, const QString& path, bool wantTraffic)
{
    m_file = file;
    m_failed = false;
    m_reportedSections = m_reportedInterfaces = 0;
    m_sink = std::make_unique<Sink>(wantTraffic);
    m_scanner = std::make_unique<CaptureFileScanner>();
    if (!m_scanner->open(path)) {
        m_failed = true;
        report(true, m_scanner->errorString());
    }
}

void CaptureIndexer::scanTo(int file, quint64 limit, bool last)
{
    if (file != m_file || !m_scanner || m_failed)
        return;
    QElapsedTimer sinceReport;
    sinceReport.start();
    bool reportedRows = m_scanner->packets() > 0;
    while (!m_cancelled.load(std::memory_order_relaxed)) {
        const CaptureFileScanner::Result result =
            m_scanner->scan(last ? ~quint64(0) : limit, kPacketsPerStep, *m_sink);
        if (result == CaptureFileScanner::Result::Malformed ||
            result == CaptureFileScanner::Result::Unreadable) {
            m_failed = true;
            report(true, m_scanner->errorString());
            return;
        }
        if (result == CaptureFileScanner::Result::CaughtUp)
            break;
        // The first rows go out at once; then a few reports a second.
        if ((!reportedRows && m_scanner->packets() > 0) ||
            sinceReport.elapsed() >= kReportIntervalMs) {
            report(false, {});
            reportedRows = true;
            sinceReport.restart();
        }
    }
    report(last || m_cancelled.load(std::memory_order_relaxed), {});
}

void CaptureIndexer::report(bool finished, const QString& error)
{
    IndexProgress progress;
    progress.file = m_file;
    progress.finished = finished;
    progress.error = error;
    if (m_scanner) {
        progress.position = m_scanner->position();
        const CaptureLayout& layout = m_scanner->layout();
        std::size_t interfaces = 0;
        for (const CaptureLayout::Section& section : layout.sections)
            interfaces += section.interfaces.size();
        if (layout.sections.size() != m_reportedSections || interfaces != m_reportedInterfaces) {
            progress.layout = std::make_shared<const CaptureLayout>(layout);
            m_reportedSections = layout.sections.size();
            m_reportedInterfaces = interfaces;
        }
    }
    if (m_sink)
        m_sink->take(progress, finished);
    emit this->progress(progress);
}

} // namespace pr
