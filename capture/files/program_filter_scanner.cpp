#include "capture/files/program_filter_scanner.h"

#include "capture/files/frame_decoder.h"

#include <QElapsedTimer>

#include <algorithm>
#include <climits>

namespace pr {

namespace {

// Reports leave at most this often (the list shows matches as they come).
constexpr qint64 kReportIntervalMs = 100;
constexpr quint64 kPacketsPerStep = 16384;

} // namespace

class ProgramFilterScanner::Sink : public PacketSink
{
public:
    explicit Sink(const ProgramFilter& filter)
        : m_filter(filter), m_special(filter.kind == ProgramFilter::Kind::NotAttributed ||
                                      filter.kind == ProgramFilter::Kind::NotTcpUdp)
    {}

    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        const quint64 index = m_packets++;
        // A program's packets all carry a comment: skip the others unread.
        if (index > UINT32_MAX || (!m_special && packet.optionsBytes == 0))
            return;
        const QList<PacketProgram> programs = packet.optionsBytes
                                                  ? programsFromComments(packetComments(packet))
                                                  : QList<PacketProgram>();
        bool tcpOrUdp = false;
        if (m_special && programs.isEmpty())
            tcpOrUdp = decodeSummary(data, int(std::min<quint32>(packet.capturedLength, INT_MAX)),
                                     packet.linkType)
                           .sourcePort >= 0;
        if (m_filter.matches(programs, tcpOrUdp))
            m_matches.push_back(quint32(index));
    }

    quint64 packets() const { return m_packets; }
    std::vector<quint32> takeMatches() { return std::exchange(m_matches, {}); }

private:
    const ProgramFilter& m_filter;
    const bool m_special;
    quint64 m_packets = 0;
    std::vector<quint32> m_matches;
};

struct ProgramFilterScanner::File
{
    explicit File(const ProgramFilter& filter) : sink(filter) {}
    CaptureFileScanner scanner;
    Sink sink;
};

ProgramFilterScanner::ProgramFilterScanner(const ProgramFilter& filter, QObject* parent)
    : QObject(parent), m_filter(filter)
{
    qRegisterMetaType<pr::ProgramFilterProgress>();
}

ProgramFilterScanner::~ProgramFilterScanner() = default;

void ProgramFilterScanner::forget(int file)
{
    m_files.erase(file);
}

void ProgramFilterScanner::scanTo(int file, const QString& path, quint64 limit, bool last)
{
    if (std::find(m_done.begin(), m_done.end(), file) != m_done.end())
        return;
    auto it = m_files.find(file);
    if (it == m_files.end()) {
        auto opened = std::make_unique<File>(m_filter);
        if (!opened->scanner.open(path)) {
            m_done.push_back(file);
            emit progress(ProgramFilterProgress{file, {}, 0, true, opened->scanner.errorString()});
            return;
        }
        it = m_files.emplace(file, std::move(opened)).first;
    }
    File& f = *it->second;
    QElapsedTimer sinceReport;
    sinceReport.start();
    QString error;
    while (!m_cancelled.load(std::memory_order_relaxed)) {
        const CaptureFileScanner::Result result = f.scanner.scan(limit, kPacketsPerStep, f.sink);
        if (result == CaptureFileScanner::Result::Malformed ||
            result == CaptureFileScanner::Result::Unreadable) {
            error = f.scanner.errorString();
            break;
        }
        if (result == CaptureFileScanner::Result::CaughtUp)
            break;
        if (sinceReport.elapsed() >= kReportIntervalMs) {
            emit progress(
                ProgramFilterProgress{file, f.sink.takeMatches(), f.sink.packets(), false, {}});
            sinceReport.restart();
        }
    }
    const bool finished = last || !error.isEmpty() || m_cancelled.load(std::memory_order_relaxed);
    ProgramFilterProgress report{file, f.sink.takeMatches(), f.sink.packets(), finished, error};
    if (finished) {
        m_files.erase(it);
        m_done.push_back(file);
    }
    emit progress(report);
}

} // namespace pr
