#include "ui/packets/capture_file_reader.h"

#include "ui/packets/frame_decoder.h"
#include "ui/packets/pcapng_blocks.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <pcap/pcap.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace pr {

namespace {

// lupdate finds strings passed to Class::tr(); this gives them their context.
struct CaptureFileText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureFileReader)
};

struct PcapCloser
{
    void operator()(pcap_t* p) const { pcap_close(p); }
};
using PcapHandle = std::unique_ptr<pcap_t, PcapCloser>;

PcapHandle openOffline(const QString& path, QString* error)
{
    char errorBuffer[PCAP_ERRBUF_SIZE] = {};
    PcapHandle handle(pcap_open_offline_with_tstamp_precision(
        QFile::encodeName(path).constData(), PCAP_TSTAMP_PRECISION_NANO, errorBuffer));
    if (!handle && error)
        *error = QString::fromLocal8Bit(errorBuffer);
    return handle;
}

QString formatOf(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray magic = file.read(4);
    if (magic.size() < 4)
        return {};
    const quint32 be = quint32(uchar(magic[0])) << 24 | quint32(uchar(magic[1])) << 16 |
                       quint32(uchar(magic[2])) << 8 | quint32(uchar(magic[3]));
    if (be == pcapng::kSectionHeader)
        return QStringLiteral("pcapng");
    if (be == 0xa1b23c4d || be == 0x4d3cb2a1)
        return QStringLiteral("pcap");
    if (be == 0xa1b2c3d4 || be == 0xd4c3b2a1)
        return QStringLiteral("pcap-us");
    return {};
}

proto::Direction directionFromCooked(quint32 linkType, const uchar* data, quint32 length)
{
    // The packet type sits at byte 10 of SLL2 and in bytes 0-1 of SLL.
    quint8 packetType = 0;
    if (linkType == kLinkTypeLinuxSll2 && length >= 11)
        packetType = data[10];
    else if (linkType == kLinkTypeLinuxSll && length >= 2)
        packetType = data[1];
    switch (packetType) {
    case 4: // PACKET_OUTGOING
        return proto::Direction::Outgoing;
    case 3: // PACKET_OTHERHOST
        return proto::Direction::OtherHost;
    default:
        return proto::Direction::Incoming;
    }
}

// pcap_datalink() answers in DLT_* values, which differ from the LINKTYPE_*
// values files (and the decoder) use for raw IP: DLT_RAW is 12 on Linux.
quint32 fileLinkType(int dlt)
{
    switch (dlt) {
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
        return kLinkTypeRaw;
    default:
        return quint32(dlt);
    }
}

std::int64_t timestampNs(const pcap_pkthdr* header)
{
    // Opened with nanosecond precision, so tv_usec holds nanoseconds. pcapng
    // can state any 64-bit time: keep within 142 years of 1970 so that neither
    // this product nor the differences taken of timestamps overflow.
    constexpr std::int64_t kMaxSeconds = 4'500'000'000;
    const std::int64_t seconds =
        std::clamp<std::int64_t>(header->ts.tv_sec, -kMaxSeconds, kMaxSeconds);
    return seconds * 1'000'000'000 + std::int64_t(header->ts.tv_usec);
}

} // namespace

bool readCaptureFile(const QString& path, CaptureFileContents* contents, QString* error,
                     qint64 maxPackets)
{
    *contents = {};
    PcapHandle handle = openOffline(path, error);
    if (!handle)
        return false;
    contents->format = formatOf(path);
    contents->linkType = fileLinkType(pcap_datalink(handle.get()));
    FILE* stream = pcap_file(handle.get());
    // pcapng keeps the direction in each block's flags, which libpcap does not pass on.
    std::unique_ptr<pcapng::BlockReader> blocks;
    if (contents->format == QLatin1String("pcapng"))
        blocks = std::make_unique<pcapng::BlockReader>(path);

    constexpr std::int64_t kSecond = 1'000'000'000;
    constexpr qint64 kMaxBins = 7 * 24 * 3600; // a week of seconds; later packets are not binned
    std::int64_t first = 0, last = 0;
    struct Counts
    {
        quint64 inBytes = 0, outBytes = 0, inPackets = 0, outPackets = 0;
    };
    QList<Counts> bins;
    while (true) {
        const long offset = stream ? std::ftell(stream) : -1;
        pcap_pkthdr* header = nullptr;
        const u_char* data = nullptr;
        const int rc = pcap_next_ex(handle.get(), &header, &data);
        if (rc == PCAP_ERROR_BREAK)
            break;
        if (rc != 1) {
            if (error)
                *error = QString::fromLocal8Bit(pcap_geterr(handle.get()));
            return false;
        }
        const std::int64_t ts = timestampNs(header);
        if (contents->totalPackets == 0)
            first = ts;
        last = ts;
        proto::Direction direction = proto::Direction::Incoming;
        if (contents->linkType == kLinkTypeLinuxSll2 || contents->linkType == kLinkTypeLinuxSll)
            direction = directionFromCooked(contents->linkType, data, header->caplen);
        else if (blocks && offset >= 0)
            direction = blocks->directionAt(quint64(offset));
        ++contents->totalPackets;
        contents->totalBytes += header->len;

        const qint64 second = (ts - first) / kSecond;
        if (second >= 0 && second < kMaxBins) {
            if (bins.size() <= second)
                bins.resize(second + 1);
            Counts& bin = bins[second];
            if (direction == proto::Direction::Outgoing) {
                bin.outBytes += header->len;
                ++bin.outPackets;
            } else {
                bin.inBytes += header->len;
                ++bin.inPackets;
            }
        }
        if (contents->packets.size() < maxPackets) {
            proto::PacketRecord record;
            record.timestampNs = ts;
            record.direction = direction;
            record.wireLength = header->len;
            record.capturedLength = header->caplen;
            record.fileOffset = offset >= 0 ? quint64(offset) : 0;
            record.linkType = contents->linkType;
            record.head =
                QByteArray(reinterpret_cast<const char*>(data),
                           int(qMin<quint32>(header->caplen, proto::kMaxRecordHeadBytes)));
            contents->packets.append(record);
        }
    }
    contents->durationSeconds = contents->totalPackets ? double(last - first) / 1e9 : 0;
    contents->bins.reserve(bins.size());
    for (qsizetype i = 0; i < bins.size(); ++i) {
        ThroughputBin bin;
        bin.second = double(i + 1);
        bin.inBitsPerSecond = double(bins[i].inBytes) * 8;
        bin.outBitsPerSecond = double(bins[i].outBytes) * 8;
        bin.inPacketsPerSecond = double(bins[i].inPackets);
        bin.outPacketsPerSecond = double(bins[i].outPackets);
        contents->bins.append(bin);
    }
    return true;
}

QByteArray readFrameAt(const QString& file, quint64 recordOffset, int maxBytes, QString* error)
{
    const QString format = formatOf(file);
    if (format.isEmpty()) {
        if (error)
            *error = CaptureFileText::tr("Not a pcap or pcapng file.");
        return {};
    }
    if (format == QLatin1String("pcapng")) {
        pcapng::BlockReader reader(file);
        pcapng::PacketBlock block;
        if (!reader.packetAt(recordOffset, maxBytes, &block)) {
            if (error)
                *error = reader.errorString();
            return {};
        }
        return block.data;
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = in.errorString();
        return {};
    }
    const QByteArray magic = in.read(4);
    // Written in the file's byte order: a1 b2 .. on disk means big-endian.
    const bool bigEndian = uchar(magic[0]) == 0xa1;
    if (recordOffset < 24 || !in.seek(qint64(recordOffset))) {
        if (error)
            *error = CaptureFileText::tr("No packet record at offset %1.").arg(recordOffset);
        return {};
    }
    const QByteArray header = in.read(16);
    if (header.size() != 16) {
        if (error)
            *error = CaptureFileText::tr("No packet record at offset %1.").arg(recordOffset);
        return {};
    }
    const auto* h = reinterpret_cast<const uchar*>(header.constData()) + 8;
    const quint32 capturedLength =
        bigEndian ? quint32(h[0]) << 24 | quint32(h[1]) << 16 | quint32(h[2]) << 8 | h[3]
                  : quint32(h[3]) << 24 | quint32(h[2]) << 16 | quint32(h[1]) << 8 | h[0];
    if (capturedLength > 0x4000000) {
        if (error)
            *error = CaptureFileText::tr("Implausible record length %1 at offset %2.")
                         .arg(capturedLength)
                         .arg(recordOffset);
        return {};
    }
    const QByteArray frame = in.read(qMin<qint64>(capturedLength, qMax(maxBytes, 0)));
    if (frame.size() < qMin<qint64>(capturedLength, qMax(maxBytes, 0)) && error)
        *error =
            CaptureFileText::tr("The file ends inside the packet at offset %1.").arg(recordOffset);
    return frame;
}

namespace {

bool convertToPcap(pcap_t* in, const QString& to, bool nanosecond, QString* error)
{
    PcapHandle dead(pcap_open_dead_with_tstamp_precision(pcap_datalink(in), pcap_snapshot(in),
                                                         nanosecond ? PCAP_TSTAMP_PRECISION_NANO
                                                                    : PCAP_TSTAMP_PRECISION_MICRO));
    if (!dead) {
        *error = CaptureFileText::tr("libpcap could not set up a writer.");
        return false;
    }
    pcap_dumper_t* dumper = pcap_dump_open(dead.get(), QFile::encodeName(to).constData());
    if (!dumper) {
        *error = QString::fromLocal8Bit(pcap_geterr(dead.get()));
        return false;
    }
    bool ok = true;
    while (true) {
        pcap_pkthdr* header = nullptr;
        const u_char* data = nullptr;
        const int rc = pcap_next_ex(in, &header, &data);
        if (rc == PCAP_ERROR_BREAK)
            break;
        if (rc != 1) {
            *error = QString::fromLocal8Bit(pcap_geterr(in));
            ok = false;
            break;
        }
        pcap_pkthdr out = *header;
        // The reader delivers nanoseconds; pcap_dump writes tv_usec unchanged.
        if (!nanosecond)
            out.ts.tv_usec = header->ts.tv_usec / 1000;
        pcap_dump(reinterpret_cast<u_char*>(dumper), &out, data);
    }
    if (pcap_dump_flush(dumper) != 0 && ok) {
        *error = CaptureFileText::tr("The file could not be written completely.");
        ok = false;
    }
    pcap_dump_close(dumper);
    return ok;
}

bool convertToPcapng(pcap_t* in, const QString& from, const QString& to, QString* error)
{
    pcapng::Writer writer;
    if (!writer.open(to, fileLinkType(pcap_datalink(in)), quint32(pcap_snapshot(in)))) {
        *error = writer.errorString();
        return false;
    }
    std::unique_ptr<pcapng::BlockReader> blocks;
    if (formatOf(from) == QLatin1String("pcapng"))
        blocks = std::make_unique<pcapng::BlockReader>(from);
    FILE* stream = pcap_file(in);
    while (true) {
        const long offset = stream ? std::ftell(stream) : -1;
        pcap_pkthdr* header = nullptr;
        const u_char* data = nullptr;
        const int rc = pcap_next_ex(in, &header, &data);
        if (rc == PCAP_ERROR_BREAK)
            break;
        if (rc != 1) {
            *error = QString::fromLocal8Bit(pcap_geterr(in));
            return false;
        }
        // Keep the direction flags of a pcapng source.
        std::optional<quint32> flags;
        if (blocks && offset >= 0)
            flags = blocks->flagsAt(quint64(offset));
        if (!writer.writePacket(timestampNs(header), header->len, data, header->caplen, flags)) {
            *error = writer.errorString();
            return false;
        }
    }
    if (!writer.close()) {
        *error = writer.errorString();
        return false;
    }
    return true;
}

} // namespace

bool convertCaptureFile(const QString& from, const QString& to, const QString& format,
                        QString* error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (format != QLatin1String("pcap") && format != QLatin1String("pcap-us") &&
        format != QLatin1String("pcapng")) {
        *error = CaptureFileText::tr("Unknown file format \"%1\".").arg(format);
        return false;
    }
    PcapHandle in = openOffline(from, error);
    if (!in)
        return false;
    // Written next to the target and renamed over it at the end, so a failed
    // conversion never leaves half a file (and `to` may be `from`).
    const QFileInfo target(to);
    const QString partial = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                            QStringLiteral(".partial");
    QFile::remove(partial);
    const bool ok = format == QLatin1String("pcapng")
                        ? convertToPcapng(in.get(), from, partial, error)
                        : convertToPcap(in.get(), partial, format == QLatin1String("pcap"), error);
    in.reset();
    if (!ok) {
        QFile::remove(partial);
        return false;
    }
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(to).constData()) !=
        0) {
        *error = CaptureFileText::tr("%1 could not be written: %2")
                     .arg(to, QString::fromLocal8Bit(std::strerror(errno)));
        QFile::remove(partial);
        return false;
    }
    return true;
}

} // namespace pr
