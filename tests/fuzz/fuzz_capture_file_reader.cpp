// libFuzzer target for opening and saving a capture file in the GUI: the fuzz
// bytes are written to a file, which the packet list's reader
// (CaptureFileScanner) walks and readPacketsAt() reads again at the offsets
// the scan reported; then Save As converts it to pcapng (with that reader) and
// to pcap (with libpcap), and what is written must read back whole.

#include "capture/files/capture_file_conversion.h"
#include "capture/files/capture_file_scanner.h"
#include "capture/files/frame_decoder.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <fcntl.h>
#include <unistd.h>

using namespace pr;

namespace {

constexpr std::uint64_t kMaxPackets = 256;
constexpr qsizetype kPacketsReadBack = 32;

#define PR_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken: %s\n", #condition);                            \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

const QTemporaryDir& workDir()
{
    static const QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/fuzz-reader-XXXXXX"));
    if (!dir.isValid())
        std::abort();
    return dir;
}

void writeFile(const QString& path, const std::uint8_t* data, std::size_t size)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(reinterpret_cast<const char*>(data), qint64(size)) != qint64(size))
        std::abort();
}

struct Collect : PacketSink
{
    QList<ScannedPacket> packets;
    QList<QByteArray> frames;
    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        PR_FUZZ_CHECK(packet.capturedLength <= 16u << 20);
        packets.append(packet);
        frames.append(QByteArray(reinterpret_cast<const char*>(data), int(packet.capturedLength)));
    }
};

struct Scan
{
    Collect packets;
    CaptureLayout layout;
    bool complete = false; // read to the end of the file without an error
};

Scan scanFile(const QString& path, std::uint64_t maxPackets)
{
    Scan scan;
    CaptureFileScanner scanner;
    if (!scanner.open(path))
        std::abort();
    const CaptureFileScanner::Result result =
        scanner.scan(~std::uint64_t(0), maxPackets, scan.packets);
    PR_FUZZ_CHECK(scan.packets.packets.size() <= qsizetype(maxPackets));
    if (result == CaptureFileScanner::Result::Malformed)
        PR_FUZZ_CHECK(!scanner.errorString().isEmpty());
    scan.layout = scanner.layout();
    scan.complete = result == CaptureFileScanner::Result::CaughtUp && scanner.hasHeader() &&
                    scanner.position() == std::uint64_t(QFileInfo(path).size());
    return scan;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = workDir().filePath(QStringLiteral("input"));
    writeFile(path, data, size);
    const Scan source = scanFile(path, kMaxPackets);

    // Reading again at a reported offset gives the same packets.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    PR_FUZZ_CHECK(fd >= 0);
    for (qsizetype i = 0; i < qMin(source.packets.packets.size(), kPacketsReadBack); ++i) {
        Collect again;
        QString error;
        const int read = readPacketsAt(fd, source.layout, source.packets.packets[i].offset, 1,
                                       ~std::uint64_t(0), again, &error);
        PR_FUZZ_CHECK(read == 1);
        PR_FUZZ_CHECK(again.frames.first() == source.packets.frames[i]);
        const QByteArray& frame = again.frames.first();
        const DecodedSummary summary =
            decodeSummary(reinterpret_cast<const uchar*>(frame.constData()),
                          int(qMin<qsizetype>(frame.size(), 4096)), again.packets.first().linkType);
        PR_FUZZ_CHECK(summary.sourcePort >= -1 && summary.sourcePort <= 65535);
    }
    ::close(fd);

    // A conversion may refuse (a damaged file, a link type pcap cannot
    // hold) but must say why and leave nothing behind; what it writes reads
    // back whole.
    for (const QString& format :
         {QStringLiteral("pcapng"), QStringLiteral("pcap"), QStringLiteral("pcap-us")}) {
        const QString converted = workDir().filePath(QStringLiteral("out.") + format);
        QFile::remove(converted);
        QString error;
        if (!convertCaptureFile(path, converted, format, &error)) {
            const QString partial =
                workDir().filePath(QStringLiteral(".out.") + format + QStringLiteral(".partial"));
            PR_FUZZ_CHECK(!error.isEmpty() && !QFile::exists(partial) && !QFile::exists(converted));
            // The pcapng conversion reads with the scanner: it refuses only
            // what the scanner cannot read to the end, or a pcap link type
            // over the 16 bits a pcapng interface has for it.
            if (format == QLatin1String("pcapng") && source.complete)
                PR_FUZZ_CHECK(source.layout.format == CaptureLayout::Format::Pcap &&
                              source.layout.sections.front().interfaces.front().linkType > 0xffff);
            continue;
        }
        const Scan copy = scanFile(converted, kMaxPackets);
        PR_FUZZ_CHECK(copy.complete);
        PR_FUZZ_CHECK(copy.layout.formatName() == format);
        if (format == QLatin1String("pcapng")) {
            PR_FUZZ_CHECK(source.complete);
            PR_FUZZ_CHECK(copy.packets.frames == source.packets.frames);
        }
    }
    return 0;
}
