#include "capture/files/protocol_totals.h"

#include "capture/files/capture_file_scanner.h"
#include "capture/files/frame_decoder.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace pr {

void ProtocolTotals::add(const ProtocolPath& path, std::uint64_t wireBytes)
{
    ++m_all.frames;
    m_all.bytes += wireBytes;
    std::string key;
    for (Protocol protocol : path) {
        if (!key.empty())
            key += '/';
        key += protocolId(protocol);
        ProtocolCount& count = m_paths[key];
        ++count.frames;
        count.bytes += wireBytes;
    }
}

namespace {

class TotalsSink : public PacketSink
{
public:
    TotalsSink(ProtocolTotals* totals, ProtocolCount* file) : m_totals(totals), m_file(file) {}

    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        const DecodedSummary summary =
            decodeSummary(data, int(packet.capturedLength), packet.linkType);
        m_totals->add(summary.protocols, packet.wireLength);
        ++m_file->frames;
        m_file->bytes += packet.wireLength;
    }

private:
    ProtocolTotals* m_totals;
    ProtocolCount* m_file;
};

// PREFIX_NNNNN_YYYYmmddHHMMSS.EXT (capture/engine/output_file_set.h).
const QRegularExpression& setMemberPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("^(.+)_(\\d{5,})_(\\d{14})(\\.[^./]*)?$"));
    return pattern;
}

} // namespace

bool addCaptureFileTotals(const QString& path, ProtocolTotals* totals, ProtocolCount* fileTotals,
                          QString* error)
{
    ProtocolCount file;
    CaptureFileScanner scanner;
    if (!scanner.open(path)) {
        *error = scanner.errorString();
        return false;
    }
    TotalsSink sink(totals, &file);
    constexpr std::uint64_t kWholeFile = std::numeric_limits<std::uint64_t>::max();
    CaptureFileScanner::Result result;
    do
        result = scanner.scan(kWholeFile, 1 << 16, sink);
    while (result == CaptureFileScanner::Result::More);
    if (fileTotals)
        *fileTotals = file;
    if (result != CaptureFileScanner::Result::CaughtUp || !scanner.hasHeader()) {
        *error = scanner.errorString();
        return false;
    }
    return true;
}

QStringList captureFileSet(const QString& path)
{
    const QFileInfo info(path);
    const QRegularExpressionMatch match = setMemberPattern().match(info.fileName());
    if (!match.hasMatch())
        return {path};
    const QString prefix = match.captured(1);
    const QString extension = match.captured(4);
    struct Member
    {
        qulonglong number;
        QString name;
    };
    std::vector<Member> members;
    const QDir folder = info.dir();
    for (const QString& name : folder.entryList(QDir::Files)) {
        const QRegularExpressionMatch other = setMemberPattern().match(name);
        if (other.hasMatch() && other.captured(1) == prefix && other.captured(4) == extension)
            members.push_back({other.captured(2).toULongLong(), name});
    }
    std::sort(members.begin(), members.end(), [](const Member& a, const Member& b) {
        return a.number != b.number ? a.number < b.number : a.name < b.name;
    });
    QStringList paths;
    for (const Member& member : members)
        paths.append(folder.filePath(member.name));
    return paths.isEmpty() ? QStringList{path} : paths;
}

} // namespace pr
