#include "capture/files/capture_file_conversion.h"

#include "capture/files/capture_file_scanner.h"
#include "capture/files/pcapng_blocks.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <pcap/pcap.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace pr {

namespace {

// lupdate finds strings passed to Class::tr(); this gives them their context,
// which keeps the name it had when this file also read captures for the
// packet list, so that the existing translations still apply.
struct CaptureFileText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureFileReader)
};

struct PcapCloser
{
    void operator()(pcap_t* p) const { pcap_close(p); }
};
using PcapHandle = std::unique_ptr<pcap_t, PcapCloser>;

bool convertToPcap(const QString& from, const QString& to, bool nanosecond, QString* error)
{
    char errorBuffer[PCAP_ERRBUF_SIZE] = {};
    // The reader delivers nanoseconds whatever the file holds.
    PcapHandle in(pcap_open_offline_with_tstamp_precision(QFile::encodeName(from).constData(),
                                                          PCAP_TSTAMP_PRECISION_NANO, errorBuffer));
    if (!in) {
        *error = QString::fromLocal8Bit(errorBuffer);
        return false;
    }
    PcapHandle dead(pcap_open_dead_with_tstamp_precision(
        pcap_datalink(in.get()), pcap_snapshot(in.get()),
        nanosecond ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO));
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
        const int rc = pcap_next_ex(in.get(), &header, &data);
        if (rc == PCAP_ERROR_BREAK)
            break;
        if (rc != 1) {
            *error = QString::fromLocal8Bit(pcap_geterr(in.get()));
            ok = false;
            break;
        }
        pcap_pkthdr out = *header;
        // pcap_dump writes tv_usec unchanged.
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

// epb_flags bits 0-1 are the direction (1 inbound, 2 outbound), bits 2-4 the
// reception type. Other hosts' packets are written as the recorder writes
// them (capture/engine/pcapng_writer.cpp): inbound, received promiscuously.
// A direction the source does not state is not invented.
std::optional<quint32> epbFlags(Direction direction)
{
    switch (direction) {
    case Direction::Incoming:
        return 1;
    case Direction::Outgoing:
        return 2;
    case Direction::OtherHost:
        return 1 | 4 << 2;
    case Direction::Unknown:
        break;
    }
    return std::nullopt;
}

// Copies the packets the scanner reads into a pcapng writer. Interfaces of
// one link type become one interface, as libpcap merged them; a second link
// type gets an interface of its own (libpcap refused such files).
class PcapngCopy : public PacketSink
{
public:
    PcapngCopy(const CaptureLayout& layout, pcapng::Writer& writer)
        : m_layout(layout), m_writer(writer)
    {}

    bool failed() const { return m_failed; }
    bool hasInterface() const { return !m_interfaces.empty(); }

    bool addInterface(const CaptureInterface& interface, quint32* id)
    {
        if (!m_writer.addInterface(interface.linkType, interface.snaplen))
            return false;
        *id = quint32(m_interfaces.size());
        m_interfaces.emplace_back(interface.linkType, *id);
        return true;
    }

    void packet(const ScannedPacket& packet, const std::uint8_t* data) override
    {
        if (m_failed)
            return;
        std::optional<quint32> id;
        for (const auto& [linkType, written] : m_interfaces)
            if (linkType == packet.linkType)
                id = written;
        if (!id) {
            const CaptureLayout::Section* section = m_layout.sectionAt(packet.offset);
            quint32 added = 0;
            if (!section || packet.interfaceId >= section->interfaces.size() ||
                !addInterface(section->interfaces[packet.interfaceId], &added)) {
                m_failed = true;
                return;
            }
            id = added;
        }
        if (!m_writer.writePacket(packet.timestampNs, packet.wireLength, data,
                                  packet.capturedLength, epbFlags(packet.direction), *id))
            m_failed = true;
    }

private:
    const CaptureLayout& m_layout;
    pcapng::Writer& m_writer;
    std::vector<std::pair<quint32, quint32>> m_interfaces; // link type, written id
    bool m_failed = false;
};

bool convertToPcapng(const QString& from, const QString& to, QString* error)
{
    CaptureFileScanner scanner;
    if (!scanner.open(from)) {
        *error = QStringLiteral("%1: %2").arg(from, scanner.errorString());
        return false;
    }
    // What is there now: a file that grows meanwhile is not followed.
    const auto size = std::uint64_t(QFileInfo(from).size());
    pcapng::Writer writer;
    if (!writer.open(to)) {
        *error = writer.errorString();
        return false;
    }
    PcapngCopy copy(scanner.layout(), writer);
    // Batches, so that a writer that failed (a full disk) stops the reading.
    constexpr std::uint64_t kBatchPackets = 4096;
    CaptureFileScanner::Result result = CaptureFileScanner::Result::More;
    while (result == CaptureFileScanner::Result::More && !copy.failed())
        result = scanner.scan(size, kBatchPackets, copy);
    if (copy.failed()) {
        *error = writer.errorString();
        return false;
    }
    switch (result) {
    case CaptureFileScanner::Result::More:
    case CaptureFileScanner::Result::CaughtUp:
        break;
    case CaptureFileScanner::Result::Malformed:
    case CaptureFileScanner::Result::Unreadable:
        *error = scanner.errorString();
        return false;
    }
    if (!scanner.hasHeader()) {
        *error = CaptureFileText::tr("Not a pcap or pcapng file.");
        return false;
    }
    // libpcap fails on a last record cut short; so does the conversion.
    if (scanner.position() != size) {
        *error = CaptureFileText::tr("The file ends inside the packet at offset %1.")
                     .arg(scanner.position());
        return false;
    }
    // No packets: the file still says what link type it holds.
    quint32 ignored = 0;
    const CaptureLayout& layout = scanner.layout();
    if (!copy.hasInterface() && !layout.sections.front().interfaces.empty() &&
        !copy.addInterface(layout.sections.front().interfaces.front(), &ignored)) {
        *error = writer.errorString();
        return false;
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
    // Written next to the target and renamed over it at the end, so a failed
    // conversion never leaves half a file (and `to` may be `from`).
    const QFileInfo target(to);
    const QString partial = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                            QStringLiteral(".partial");
    QFile::remove(partial);
    const bool ok = format == QLatin1String("pcapng")
                        ? convertToPcapng(from, partial, error)
                        : convertToPcap(from, partial, format == QLatin1String("pcap"), error);
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
