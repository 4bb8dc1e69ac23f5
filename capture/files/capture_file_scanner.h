#pragma once

// Reads pcap and pcapng files record by record without libpcap. libpcap
// reads a stream from its start: it cannot resume at a byte offset, follow a
// file that is still being written, or say where each record starts. The
// packet list needs all three: it indexes a file once (every 64th record's
// offset) and later reads any 64 records from one of those offsets.

#include "capture/engine/direction.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace pr {

// Direction as the file states it. A pcap file of Ethernet frames states
// none, and Unknown is not Incoming.

struct CaptureInterface
{
    std::uint32_t linkType = 0; // LINKTYPE_* as in the file
    std::uint32_t snaplen = 0;
    // if_tsresol: 10^-n seconds per tick, or 2^-(n & 0x7f) with the top bit set.
    std::uint8_t resolution = 6;
    std::int64_t offsetSeconds = 0; // if_tsoffset
    QString name;                   // if_name, may be empty
};

// What a file's headers say; enough to read a record anywhere in the file.
// A pcap file is one section with one interface.
struct CaptureLayout
{
    enum class Format
    {
        Pcap,
        Pcapng,
    };
    struct Section
    {
        std::uint64_t offset = 0; // of its section header (0 for pcap)
        bool bigEndian = false;
        std::vector<CaptureInterface> interfaces;
    };

    Format format = Format::Pcap;
    std::vector<Section> sections;

    // The section a record at `offset` belongs to; null before the first.
    const Section* sectionAt(std::uint64_t offset) const;
    // "pcap" (nanoseconds), "pcap-us" or "pcapng"; empty before the header.
    QString formatName() const;
};

struct ScannedPacket
{
    std::int64_t timestampNs = 0;
    std::uint64_t offset = 0; // of its record (pcap) or block (pcapng)
    std::uint32_t wireLength = 0;
    std::uint32_t capturedLength = 0;
    std::uint32_t interfaceId = 0;
    std::uint32_t linkType = 0;
    Direction direction = Direction::Unknown;
    bool optionsBigEndian = false; // the byte order of `options`
    // A pcapng packet block's options (comments among them), valid during
    // the sink call only, like the frame. Where they are, not what they say:
    // reading a file allocates nothing per packet; packetComments() decodes.
    std::uint32_t optionsBytes = 0;
    const std::uint8_t* options = nullptr;
};

// The packet's opt_comment options (code 1, UTF-8, any number), in file
// order, as Wireshark shows them. Call it during the sink call only.
QStringList packetComments(const ScannedPacket& packet);

class PacketSink
{
public:
    virtual ~PacketSink() = default;
    // data holds capturedLength bytes, valid during the call only.
    virtual void packet(const ScannedPacket& packet, const std::uint8_t* data) = 0;
};

// Walks a file from its start, a buffer at a time, any number of calls
// apart: a file being written is read up to a limit (what the writer has
// reported as written) and taken up again later where it stopped.
class CaptureFileScanner
{
public:
    enum class Result
    {
        More,      // stopped after maxPackets; call again
        CaughtUp,  // no further whole record before the limit (or the end)
        Malformed, // errorString() says where and what
        Unreadable,
    };

    CaptureFileScanner();
    ~CaptureFileScanner();
    CaptureFileScanner(const CaptureFileScanner&) = delete;
    CaptureFileScanner& operator=(const CaptureFileScanner&) = delete;

    bool open(const QString& path);
    // Reads whole records that end at or before `limit`; at most maxPackets.
    Result scan(std::uint64_t limit, std::uint64_t maxPackets, PacketSink& sink);

    const CaptureLayout& layout() const { return m_layout; }
    bool hasHeader() const { return !m_layout.sections.empty(); }
    std::uint64_t position() const { return m_position; } // next unread record
    std::uint64_t packets() const { return m_packets; }
    QString errorString() const { return m_error; }

private:
    bool fill(std::uint64_t limit);

    int m_fd = -1;
    CaptureLayout m_layout;
    std::vector<std::uint8_t> m_buffer;
    std::size_t m_begin = 0; // of unparsed bytes in m_buffer (at m_position)
    std::size_t m_end = 0;
    std::uint64_t m_position = 0;
    std::uint64_t m_packets = 0;
    QString m_error;
};

// Reads the header and first packet: false, with *error saying why, for a
// file that is not a capture or cannot be read. Quick whatever the size.
bool probeCaptureFile(const QString& path, QString* error);

// Reads up to `count` packets from the record at `offset` (a record start
// the scanner reported), only those ending at or before `limit`. Returns the
// number read, or -1 with *error set.
int readPacketsAt(int fd, const CaptureLayout& layout, std::uint64_t offset, int count,
                  std::uint64_t limit, PacketSink& sink, QString* error);

} // namespace pr
