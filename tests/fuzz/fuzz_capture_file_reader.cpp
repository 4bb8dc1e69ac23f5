// libFuzzer target for opening a capture file in the GUI: the fuzz bytes are
// written to a file, which goes through readCaptureFile() (libpcap parses it,
// our code bins it and looks up pcapng block flags itself), readFrameAt() for
// the records it listed, and a conversion to pcapng and to pcap whose result
// must read back with the same packets.

#include "ui/packets/capture_file_reader.h"
#include "ui/packets/frame_decoder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace pr;

namespace {

constexpr qint64 kMaxPackets = 256;
constexpr qsizetype kFramesReadBack = 32;

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

void checkContents(const CaptureFileContents& contents)
{
    PR_FUZZ_CHECK(quint64(contents.packets.size()) ==
                  qMin<quint64>(contents.totalPackets, kMaxPackets));
    PR_FUZZ_CHECK(contents.format == QLatin1String("pcap") ||
                  contents.format == QLatin1String("pcap-us") ||
                  contents.format == QLatin1String("pcapng"));
    quint64 keptBytes = 0;
    for (const proto::PacketRecord& record : contents.packets) {
        PR_FUZZ_CHECK(record.head.size() ==
                      qMin<qint64>(record.capturedLength, proto::kMaxRecordHeadBytes));
        PR_FUZZ_CHECK(record.linkType == contents.linkType);
        keptBytes += record.wireLength;
    }
    if (contents.totalPackets <= quint64(kMaxPackets))
        PR_FUZZ_CHECK(keptBytes == contents.totalBytes);
    PR_FUZZ_CHECK(std::isfinite(contents.durationSeconds));
    double binnedPackets = 0;
    for (const ThroughputBin& bin : contents.bins) {
        PR_FUZZ_CHECK(bin.inBitsPerSecond >= 0 && bin.outBitsPerSecond >= 0);
        binnedPackets += bin.inPacketsPerSecond + bin.outPacketsPerSecond;
    }
    PR_FUZZ_CHECK(binnedPackets <= double(contents.totalPackets));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString path = workDir().filePath(QStringLiteral("input"));
    writeFile(path, data, size);

    CaptureFileContents contents;
    QString error;
    if (!readCaptureFile(path, &contents, &error, kMaxPackets)) {
        PR_FUZZ_CHECK(!error.isEmpty());
        // A file libpcap rejects must not convert either.
        PR_FUZZ_CHECK(!convertCaptureFile(path, workDir().filePath(QStringLiteral("out.pcapng")),
                                          QStringLiteral("pcapng"), &error));
        return 0;
    }
    checkContents(contents);

    for (qsizetype i = 0; i < qMin(contents.packets.size(), kFramesReadBack); ++i) {
        const proto::PacketRecord& record = contents.packets[i];
        QString frameError;
        const QByteArray frame = readFrameAt(path, record.fileOffset, 4096, &frameError);
        PR_FUZZ_CHECK(frame.size() <= 4096);
        // The record's head is what libpcap delivered; reading the record
        // back at its offset must give the same bytes.
        PR_FUZZ_CHECK(frame.startsWith(record.head.left(frame.size())));
        const DecodedSummary summary =
            decodeSummary(reinterpret_cast<const uchar*>(frame.constData()), int(frame.size()),
                          contents.linkType);
        PR_FUZZ_CHECK(summary.sourcePort >= -1 && summary.sourcePort <= 65535);
    }

    // A conversion may refuse (libpcap writes no pcap for link types it does
    // not know) but must say why; what it writes reads back the same.
    for (const QString& format :
         {QStringLiteral("pcapng"), QStringLiteral("pcap"), QStringLiteral("pcap-us")}) {
        const QString converted = workDir().filePath(QStringLiteral("out.") + format);
        error.clear();
        if (!convertCaptureFile(path, converted, format, &error)) {
            // ... and leaves no half-written file behind.
            const QString partial =
                workDir().filePath(QStringLiteral(".out.") + format + QStringLiteral(".partial"));
            PR_FUZZ_CHECK(!error.isEmpty() && !QFile::exists(partial));
            continue;
        }
        CaptureFileContents copy;
        PR_FUZZ_CHECK(readCaptureFile(converted, &copy, &error, kMaxPackets));
        PR_FUZZ_CHECK(copy.format == format);
        PR_FUZZ_CHECK(copy.totalPackets == contents.totalPackets);
        PR_FUZZ_CHECK(copy.totalBytes == contents.totalBytes);
        PR_FUZZ_CHECK(copy.linkType == contents.linkType);
        for (qsizetype i = 0; i < copy.packets.size(); ++i)
            PR_FUZZ_CHECK(copy.packets[i].head == contents.packets[i].head);
    }
    return 0;
}
