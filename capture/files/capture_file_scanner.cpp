#include "capture/files/capture_file_scanner.h"

#include "capture/engine/link_types.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace pr {

namespace {

// lupdate finds strings passed to Class::tr(); this gives them their context.
struct ScannerText
{
    Q_DECLARE_TR_FUNCTIONS(pr::CaptureFileScanner)
};

// libpcap refuses pcapng blocks over 16 MiB; no real record comes close.
constexpr std::uint32_t kMaxRecordBytes = 16u << 20;
constexpr std::size_t kReadBytes = 1u << 20;
constexpr std::uint32_t kPcapHeaderBytes = 24;
constexpr std::uint32_t kPcapRecordHeaderBytes = 16;

constexpr std::uint32_t kSectionHeaderBlock = 0x0a0d0d0a;
constexpr std::uint32_t kInterfaceBlock = 1;
constexpr std::uint32_t kObsoletePacketBlock = 2;
constexpr std::uint32_t kSimplePacketBlock = 3;
constexpr std::uint32_t kEnhancedPacketBlock = 6;

struct Reader
{
    const std::uint8_t* p;
    bool big;

    std::uint16_t u16(std::size_t at) const
    {
        return big ? std::uint16_t(p[at] << 8 | p[at + 1]) : std::uint16_t(p[at + 1] << 8 | p[at]);
    }
    std::uint32_t u32(std::size_t at) const
    {
        const std::uint32_t a = p[at], b = p[at + 1], c = p[at + 2], d = p[at + 3];
        return big ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a;
    }
    std::uint64_t u64(std::size_t at) const
    {
        const std::uint64_t first = u32(at), second = u32(at + 4);
        return big ? first << 32 | second : second << 32 | first;
    }
};

// Calls visit(code, valueOffset, size) for each option of a block from
// `at` up to its trailing length (`end`), stopping at opt_endofopt or at an
// option that would run past the block.
template <class Visit>
void forEachOption(const Reader& r, std::size_t at, std::size_t end, Visit visit)
{
    while (at + 4 <= end) {
        const std::uint16_t code = r.u16(at);
        const std::uint16_t size = r.u16(at + 2);
        const std::size_t value = at + 4;
        if (code == 0 || value + size > end)
            return;
        visit(code, value, size);
        at = value + (size + 3u) / 4 * 4;
    }
}

} // namespace

QStringList packetComments(const ScannedPacket& packet)
{
    QStringList comments;
    if (!packet.options)
        return comments;
    const Reader r{packet.options, packet.optionsBigEndian};
    forEachOption(r, 0, packet.optionsBytes,
                  [&](std::uint16_t code, std::size_t value, std::uint16_t size) {
                      if (code != 1) // opt_comment
                          return;
                      // Some writers count a terminating NUL in the length.
                      const char* text = reinterpret_cast<const char*>(r.p + value);
                      comments.append(QString::fromUtf8(text, qsizetype(strnlen(text, size))));
                  });
    return comments;
}

namespace {

std::uint32_t littleEndian32(const std::uint8_t* p)
{
    return Reader{p, false}.u32(0);
}

// Keeps timestamps within 142 years of 1970, so that neither the
// nanosecond product nor a difference of two timestamps overflows.
std::int64_t clampedNs(__int128 ns)
{
    constexpr __int128 kLimit = __int128(4'500'000'000) * 1'000'000'000;
    return std::int64_t(std::clamp<__int128>(ns, -kLimit, kLimit));
}

std::int64_t ticksToNs(std::uint64_t ticks, const CaptureInterface& interface)
{
    __int128 ns = 0;
    if (interface.resolution & 0x80) {
        const int shift = std::min(interface.resolution & 0x7f, 126);
        ns = (__int128(ticks) * 1'000'000'000) >> shift;
    } else {
        int exponent = std::min<int>(interface.resolution, 38);
        __int128 scale = 1;
        if (exponent <= 9) {
            for (int i = exponent; i < 9; ++i)
                scale *= 10;
            ns = __int128(ticks) * scale;
        } else {
            for (int i = 9; i < exponent; ++i)
                scale *= 10;
            ns = __int128(ticks) / scale;
        }
    }
    return clampedNs(ns + __int128(interface.offsetSeconds) * 1'000'000'000);
}

// Linux cooked headers carry the packet type: SLL at byte 1, SLL2 at 10.
Direction cookedDirection(std::uint32_t linkType, const std::uint8_t* data,
                                std::uint32_t length)
{
    int packetType = -1;
    if (linkType == kLinkTypeLinuxSll && length >= 2)
        packetType = data[1];
    else if (linkType == kLinkTypeLinuxSll2 && length >= 11)
        packetType = data[10];
    switch (packetType) {
    case -1:
        return Direction::Unknown;
    case 3: // PACKET_OTHERHOST
        return Direction::OtherHost;
    case 4: // PACKET_OUTGOING
        return Direction::Outgoing;
    default: // to us, broadcast, multicast
        return Direction::Incoming;
    }
}

enum class Step
{
    Packet,
    Other,
    NeedMore,
    Malformed,
};

// Parses the record at the start of [p, p + available), which starts at
// file offset `offset`. The scanner passes `learn` (the layout it builds) and
// headers extend it; a page read passes null and skips them, as it knows them.
class RecordParser
{
public:
    RecordParser(const CaptureLayout& layout, CaptureLayout* learn, QString* error)
        : m_layout(layout), m_learn(learn), m_error(error)
    {}

    Step parse(const std::uint8_t* p, std::size_t available, std::uint64_t offset,
               ScannedPacket* packet, const std::uint8_t** data, std::size_t* consumed)
    {
        if (m_layout.sections.empty())
            return parseFileHeader(p, available, consumed);
        if (m_layout.format == CaptureLayout::Format::Pcap)
            return parsePcapRecord(p, available, offset, packet, data, consumed);
        return parseBlock(p, available, offset, packet, data, consumed);
    }

private:
    Step fail(std::uint64_t offset, const QString& what)
    {
        //: %1 is a byte offset in the file, %2 says what is wrong there
        *m_error = ScannerText::tr("The file is damaged at byte %1: %2").arg(offset).arg(what);
        return Step::Malformed;
    }

    Step parseFileHeader(const std::uint8_t* p, std::size_t available, std::size_t* consumed)
    {
        if (available < 4)
            return Step::NeedMore;
        const std::uint32_t magic = littleEndian32(p);
        if (!m_learn)
            return fail(0, ScannerText::tr("a file header where a packet was expected"));
        if (magic == kSectionHeaderBlock) {
            m_learn->format = CaptureLayout::Format::Pcapng;
            return parseSectionHeader(p, available, 0, consumed);
        }
        bool big = false, nano = false;
        switch (magic) {
        case 0xa1b2c3d4:
            break;
        case 0xa1b23c4d:
            nano = true;
            break;
        case 0xd4c3b2a1:
            big = true;
            break;
        case 0x4d3cb2a1:
            big = nano = true;
            break;
        default:
            *m_error = ScannerText::tr("This is not a pcap or pcapng file.");
            return Step::Malformed;
        }
        if (available < kPcapHeaderBytes)
            return Step::NeedMore;
        const Reader r{p, big};
        CaptureInterface interface;
        interface.snaplen = r.u32(16);
        interface.linkType = r.u32(20) & 0x03ffffff; // the top bits describe an FCS
        interface.resolution = nano ? 9 : 6;
        m_learn->format = CaptureLayout::Format::Pcap;
        m_learn->sections.push_back({0, big, {interface}});
        *consumed = kPcapHeaderBytes;
        return Step::Other;
    }

    Step parsePcapRecord(const std::uint8_t* p, std::size_t available, std::uint64_t offset,
                         ScannedPacket* packet, const std::uint8_t** data, std::size_t* consumed)
    {
        if (available < kPcapRecordHeaderBytes)
            return Step::NeedMore;
        const CaptureLayout::Section& section = m_layout.sections.front();
        const Reader r{p, section.bigEndian};
        const std::uint32_t captured = r.u32(8);
        if (captured > kMaxRecordBytes)
            return fail(offset, ScannerText::tr("a packet of %1 bytes").arg(captured));
        if (available < kPcapRecordHeaderBytes + captured)
            return Step::NeedMore;
        const CaptureInterface& interface = section.interfaces.front();
        const std::uint64_t fraction = r.u32(4);
        packet->timestampNs =
            clampedNs(__int128(r.u32(0)) * 1'000'000'000 +
                      __int128(fraction) * (interface.resolution == 9 ? 1 : 1000));
        packet->offset = offset;
        packet->capturedLength = captured;
        packet->wireLength = r.u32(12);
        packet->interfaceId = 0;
        packet->linkType = interface.linkType;
        *data = p + kPcapRecordHeaderBytes;
        packet->direction = cookedDirection(interface.linkType, *data, captured);
        *consumed = kPcapRecordHeaderBytes + captured;
        return Step::Packet;
    }

    Step parseSectionHeader(const std::uint8_t* p, std::size_t available, std::uint64_t offset,
                            std::size_t* consumed)
    {
        if (available < 12)
            return Step::NeedMore;
        const std::uint32_t byteOrder = littleEndian32(p + 8);
        if (byteOrder != 0x1a2b3c4d && byteOrder != 0x4d3c2b1a)
            return fail(offset, ScannerText::tr("a section header of unknown byte order"));
        const bool big = byteOrder == 0x4d3c2b1a;
        const std::uint32_t length = Reader{p, big}.u32(4);
        if (length < 28 || length % 4 != 0 || length > kMaxRecordBytes)
            return fail(offset, ScannerText::tr("a block of %1 bytes").arg(length));
        if (available < length)
            return Step::NeedMore;
        if (Reader{p, big}.u16(12) != 1)
            return fail(offset, ScannerText::tr("a section of an unknown pcapng version"));
        if (m_learn)
            m_learn->sections.push_back({offset, big, {}});
        *consumed = length;
        return Step::Other;
    }

    Step parseBlock(const std::uint8_t* p, std::size_t available, std::uint64_t offset,
                    ScannedPacket* packet, const std::uint8_t** data, std::size_t* consumed)
    {
        if (available < 8)
            return Step::NeedMore;
        if (littleEndian32(p) == kSectionHeaderBlock)
            return parseSectionHeader(p, available, offset, consumed);
        const CaptureLayout::Section* section = m_layout.sectionAt(offset);
        if (!section)
            return fail(offset, ScannerText::tr("a block outside any section"));
        const Reader r{p, section->bigEndian};
        const std::uint32_t type = r.u32(0);
        const std::uint32_t length = r.u32(4);
        if (length < 12 || length % 4 != 0 || length > kMaxRecordBytes)
            return fail(offset, ScannerText::tr("a block of %1 bytes").arg(length));
        if (available < length)
            return Step::NeedMore;
        if (r.u32(length - 4) != length)
            return fail(offset, ScannerText::tr("a block whose two lengths differ"));
        *consumed = length;
        switch (type) {
        case kInterfaceBlock:
            return interfaceBlock(r, length, offset);
        case kEnhancedPacketBlock:
        case kObsoletePacketBlock:
            return packetBlock(r, type, length, offset, *section, packet, data);
        case kSimplePacketBlock:
            return simplePacketBlock(r, length, offset, *section, packet, data);
        default: // statistics, name resolution, comments, custom: not packets
            return Step::Other;
        }
    }

    Step interfaceBlock(const Reader& r, std::uint32_t length, std::uint64_t offset)
    {
        if (length < 20)
            return fail(offset, ScannerText::tr("a block of %1 bytes").arg(length));
        if (!m_learn)
            return Step::Other;
        CaptureInterface interface;
        interface.linkType = r.u16(8);
        interface.snaplen = r.u32(12);
        forEachOption(
            r, 16, length - 4, [&](std::uint16_t code, std::size_t value, std::uint16_t size) {
                const char* text = reinterpret_cast<const char*>(r.p + value);
                if (code == 2) // if_name
                    interface.name = QString::fromUtf8(text, qsizetype(strnlen(text, size)));
                else if (code == 9 && size >= 1) // if_tsresol
                    interface.resolution = r.p[value];
                else if (code == 14 && size >= 8) // if_tsoffset
                    interface.offsetSeconds = std::int64_t(r.u64(value));
            });
        m_learn->sections.back().interfaces.push_back(interface);
        return Step::Other;
    }

    Step packetBlock(const Reader& r, std::uint32_t type, std::uint32_t length,
                     std::uint64_t offset, const CaptureLayout::Section& section,
                     ScannedPacket* packet, const std::uint8_t** data)
    {
        // EPB: interface(4) ts(8) captured(4) original(4); the obsolete
        // packet block has a 2-byte interface and a 2-byte drop count.
        if (length < 32)
            return fail(offset, ScannerText::tr("a block of %1 bytes").arg(length));
        const std::uint32_t interfaceId = type == kEnhancedPacketBlock ? r.u32(8) : r.u16(8);
        const std::uint32_t captured = r.u32(20);
        if (interfaceId >= section.interfaces.size())
            return fail(offset, ScannerText::tr("a packet of interface %1, which the file has "
                                                "not described")
                                    .arg(interfaceId));
        if (captured > length - 32)
            return fail(offset, ScannerText::tr("a packet of %1 bytes").arg(captured));
        const CaptureInterface& interface = section.interfaces[interfaceId];
        packet->timestampNs = ticksToNs(std::uint64_t(r.u32(12)) << 32 | r.u32(16), interface);
        packet->offset = offset;
        packet->capturedLength = captured;
        packet->wireLength = r.u32(24);
        packet->interfaceId = interfaceId;
        packet->linkType = interface.linkType;
        *data = r.p + 28;
        packet->direction = cookedDirection(interface.linkType, *data, captured);
        // Options after the padded data: epb_flags (2) holds the direction.
        const std::size_t options = 28 + (captured + 3u) / 4 * 4;
        packet->optionsBigEndian = r.big;
        packet->options = r.p + options;
        packet->optionsBytes =
            std::uint32_t(length - 4 - std::min<std::size_t>(options, length - 4));
        forEachOption(r, options, length - 4,
                      [&](std::uint16_t code, std::size_t value, std::uint16_t size) {
                          if (code != 2 || size < 4)
                              return;
                          const std::uint32_t flags = r.u32(value) & 3;
                          if (flags == 1)
                              packet->direction = Direction::Incoming;
                          else if (flags == 2)
                              packet->direction = Direction::Outgoing;
                      });
        return Step::Packet;
    }

    Step simplePacketBlock(const Reader& r, std::uint32_t length, std::uint64_t offset,
                           const CaptureLayout::Section& section, ScannedPacket* packet,
                           const std::uint8_t** data)
    {
        if (length < 16)
            return fail(offset, ScannerText::tr("a block of %1 bytes").arg(length));
        if (section.interfaces.empty())
            return fail(offset, ScannerText::tr("a packet of interface %1, which the file has "
                                                "not described")
                                    .arg(0));
        const CaptureInterface& interface = section.interfaces.front();
        const std::uint32_t original = r.u32(8);
        std::uint32_t captured = std::min(original, length - 16);
        if (interface.snaplen != 0)
            captured = std::min(captured, interface.snaplen);
        packet->timestampNs = 0; // a simple packet block has no time
        packet->offset = offset;
        packet->capturedLength = captured;
        packet->wireLength = original;
        packet->interfaceId = 0;
        packet->linkType = interface.linkType;
        *data = r.p + 12;
        packet->direction = cookedDirection(interface.linkType, *data, captured);
        packet->options = nullptr; // a simple packet block has no options
        packet->optionsBytes = 0;
        return Step::Packet;
    }

    const CaptureLayout& m_layout;
    CaptureLayout* m_learn;
    QString* m_error;
};

bool readFully(int fd, std::uint8_t* to, std::size_t bytes, std::uint64_t offset, std::size_t* got)
{
    *got = 0;
    while (*got < bytes) {
        const ssize_t n = ::pread(fd, to + *got, bytes - *got, off_t(offset + *got));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (n == 0)
            break;
        *got += std::size_t(n);
    }
    return true;
}

} // namespace

const CaptureLayout::Section* CaptureLayout::sectionAt(std::uint64_t offset) const
{
    auto it = std::upper_bound(sections.begin(), sections.end(), offset,
                               [](std::uint64_t at, const Section& s) { return at < s.offset; });
    return it == sections.begin() ? nullptr : &*std::prev(it);
}

QString CaptureLayout::formatName() const
{
    if (sections.empty())
        return {};
    if (format == Format::Pcapng)
        return QStringLiteral("pcapng");
    return sections.front().interfaces.front().resolution == 9 ? QStringLiteral("pcap")
                                                               : QStringLiteral("pcap-us");
}

CaptureFileScanner::CaptureFileScanner() = default;

CaptureFileScanner::~CaptureFileScanner()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

bool CaptureFileScanner::open(const QString& path)
{
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    // Sequential: let the kernel read ahead generously.
    ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    m_buffer.resize(kReadBytes);
    return true;
}

// Moves the unparsed bytes to the front and reads more, never past `limit`.
// False when nothing more could be read.
bool CaptureFileScanner::fill(std::uint64_t limit)
{
    const std::size_t kept = m_end - m_begin;
    if (m_begin > 0) {
        std::memmove(m_buffer.data(), m_buffer.data() + m_begin, kept);
        m_begin = 0;
        m_end = kept;
    }
    // A record larger than the buffer: make room for it (it is bounded).
    if (m_end == m_buffer.size())
        m_buffer.resize(std::min<std::size_t>(m_buffer.size() * 2, kMaxRecordBytes + kReadBytes));
    const std::uint64_t from = m_position + kept;
    if (from >= limit || m_end == m_buffer.size())
        return false;
    const std::size_t want =
        std::size_t(std::min<std::uint64_t>(m_buffer.size() - m_end, limit - from));
    std::size_t got = 0;
    if (!readFully(m_fd, m_buffer.data() + m_end, want, from, &got)) {
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_end += got;
    return got > 0;
}

CaptureFileScanner::Result CaptureFileScanner::scan(std::uint64_t limit, std::uint64_t maxPackets,
                                                    PacketSink& sink)
{
    if (m_fd < 0)
        return Result::Unreadable;
    RecordParser parser(m_layout, &m_layout, &m_error);
    std::uint64_t found = 0;
    while (found < maxPackets) {
        ScannedPacket packet;
        const std::uint8_t* data = nullptr;
        std::size_t consumed = 0;
        const Step step = parser.parse(m_buffer.data() + m_begin, m_end - m_begin, m_position,
                                       &packet, &data, &consumed);
        switch (step) {
        case Step::Malformed:
            return Result::Malformed;
        case Step::NeedMore:
            m_error.clear();
            if (!fill(limit))
                return m_error.isEmpty() ? Result::CaughtUp : Result::Unreadable;
            continue;
        case Step::Packet:
            sink.packet(packet, data);
            ++found;
            ++m_packets;
            break;
        case Step::Other:
            break;
        }
        m_begin += consumed;
        m_position += consumed;
    }
    return Result::More;
}

bool probeCaptureFile(const QString& path, QString* error)
{
    class NoSink : public PacketSink
    {
    public:
        void packet(const ScannedPacket&, const std::uint8_t*) override {}
    } sink;
    CaptureFileScanner scanner;
    if (!scanner.open(path)) {
        *error = scanner.errorString();
        return false;
    }
    switch (scanner.scan(~std::uint64_t(0), 1, sink)) {
    case CaptureFileScanner::Result::Malformed:
    case CaptureFileScanner::Result::Unreadable:
        *error = scanner.errorString();
        return false;
    case CaptureFileScanner::Result::CaughtUp:
        if (!scanner.hasHeader()) {
            *error = ScannerText::tr("This is not a pcap or pcapng file.");
            return false;
        }
        return true; // a capture with no packets, or a header only
    case CaptureFileScanner::Result::More:
        return true;
    }
    return true;
}

int readPacketsAt(int fd, const CaptureLayout& layout, std::uint64_t offset, int count,
                  std::uint64_t limit, PacketSink& sink, QString* error)
{
    if (layout.sections.empty()) {
        *error = ScannerText::tr("This is not a pcap or pcapng file.");
        return -1;
    }
    RecordParser parser(layout, nullptr, error);
    std::vector<std::uint8_t> buffer;
    std::size_t begin = 0, end = 0;
    std::uint64_t position = offset;
    int found = 0;
    // Small packets: 64 of them fit in 16 KiB; large ones ask for more.
    std::size_t chunk = 16384;
    while (found < count) {
        ScannedPacket packet;
        const std::uint8_t* data = nullptr;
        std::size_t consumed = 0;
        const Step step =
            parser.parse(buffer.data() + begin, end - begin, position, &packet, &data, &consumed);
        if (step == Step::Malformed)
            return -1;
        if (step == Step::NeedMore) {
            const std::size_t kept = end - begin;
            if (kept > 0 && begin > 0)
                std::memmove(buffer.data(), buffer.data() + begin, kept);
            begin = 0;
            end = kept;
            const std::uint64_t from = position + kept;
            if (from >= limit)
                break;
            if (buffer.size() - end < chunk) {
                if (buffer.size() >= kMaxRecordBytes + kReadBytes)
                    break;
                buffer.resize(end + chunk);
            }
            chunk = std::min<std::size_t>(chunk * 2, kReadBytes);
            const std::size_t want =
                std::size_t(std::min<std::uint64_t>(buffer.size() - end, limit - from));
            std::size_t got = 0;
            if (!readFully(fd, buffer.data() + end, want, from, &got)) {
                *error = QString::fromLocal8Bit(std::strerror(errno));
                return -1;
            }
            if (got == 0)
                break;
            end += got;
            continue;
        }
        if (step == Step::Packet) {
            sink.packet(packet, data);
            ++found;
        }
        begin += consumed;
        position += consumed;
    }
    return found;
}

} // namespace pr
