// pcapng files (draft-ietf-opsawg-pcapng): one section, an Interface
// Description Block per interface, Enhanced Packet Blocks with nanosecond
// timestamps and direction flags, Interface Statistics Blocks at the end.
// Host byte order throughout; the SHB byte-order magic tells readers.
// The block format is capture/pcapng's, shared with the file library's
// writer: it builds the SHB and the IDBs, its BlockBuilder the ISBs; the
// EPBs, one per packet, are written here in place into the iovec batch.

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/frame_as_written.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/iovec_batch.h"
#include "capture/pcapng/block_builder.h"
#include "capture/pcapng/pcapng_blocks.h"
#include "capture/pcapng/pcapng_format.h"

#include <algorithm>
#include <cstring>
#include <ctime>

namespace pr {

namespace {

using namespace pcapng;

// EPB: type, total length, interface id, timestamp high/low, captured and
// original length; after the padded data: epb_flags, end of options, total
// length again.
constexpr std::size_t kEpbHeaderLength = 28;
struct EpbTrailer
{
    std::uint16_t flagsCode;
    std::uint16_t flagsLength;
    std::uint32_t flags;
    std::uint32_t endOfOptions;
    std::uint32_t totalLength;
};
constexpr std::size_t kEpbTrailerLength = sizeof(EpbTrailer);
static_assert(kEpbTrailerLength == 16);
constexpr std::size_t kMaxPadding = 3;
// A program note (PacketView::sourceNote, destinationNote) is an opt_comment
// of at most this many bytes; longer ones are cut (they never are: names
// are 15 bytes, users 32).
constexpr std::size_t kMaxNoteLength = 200;
constexpr std::size_t kMaxNotesLength = 2 * (4 + kMaxNoteLength);

constexpr char kAnyStatisticsComment[] =
    "received and dropped counts are totals for all interfaces";

// Linux sll_pkttype values (linux/if_packet.h).
constexpr std::uint8_t kPacketHost = 0;
constexpr std::uint8_t kPacketBroadcast = 1;
constexpr std::uint8_t kPacketMulticast = 2;
constexpr std::uint8_t kPacketOtherHost = 3;

std::uint32_t epbFlags(const PacketView& packet)
{
    if (packet.direction == Direction::Outgoing)
        return 0b10; // outbound, reception type not applicable
    std::uint32_t reception = 0;
    switch (packet.packetType) {
    case kPacketHost:
        reception = 1;
        break;
    case kPacketMulticast:
        reception = 2;
        break;
    case kPacketBroadcast:
        reception = 3;
        break;
    case kPacketOtherHost:
        reception = 4;
        break;
    default:
        break;
    }
    return 0b01 | reception << 2;
}

// The opt_comment options carrying a packet's programs, when the writer
// writes them: option header and padded text each.
std::uint32_t notesLength(const PacketView& packet)
{
    std::uint32_t length = 0;
    for (const std::string_view note : {packet.sourceNote, packet.destinationNote}) {
        if (!note.empty())
            length += 4 + padded(std::min(note.size(), kMaxNoteLength));
    }
    return length;
}

// An Enhanced Packet Block's total length for this many captured bytes.
constexpr std::uint32_t epbLength(std::uint32_t capturedLength, std::uint32_t notes = 0)
{
    return static_cast<std::uint32_t>(kEpbHeaderLength + padded(capturedLength) + notes +
                                      kEpbTrailerLength);
}

std::uint64_t nowNs()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::uint64_t>(now.tv_sec) * 1000000000u +
           static_cast<std::uint64_t>(now.tv_nsec);
}

struct KnownInterface
{
    std::int32_t ifindex = 0;
    std::uint32_t id = 0; // IDB order
    std::uint64_t packets = 0;
};

class PcapngWriter final : public CaptureFileWriter
{
public:
    explicit PcapngWriter(const WriterConfig& config)
        : m_output(config.fd), m_config(config), m_startNs(nowNs())
    {}

    bool begin() override
    {
        m_blocks.clear();
        appendSectionHeader(m_blocks);
        if (severalInterfaces()) {
            for (const WriterInterface& info : m_config.interfaces)
                addInterface(info);
        } else if (!m_config.anyInterface) {
            WriterInterface single = m_config.singleInterface;
            single.linkType = m_config.linkType;
            addInterface(single);
        }
        return commitBlocks("the pcapng section header");
    }

    bool writePackets(std::span<const PacketView> packets,
                      std::vector<std::uint64_t>* recordOffsets) override
    {
        if (m_output.failed())
            return false;
        // Interfaces seen for the first time get their IDB at the front of the
        // batch, so it precedes every EPB that names it.
        m_blocks.clear();
        if (m_config.anyInterface || severalInterfaces()) {
            for (const PacketView& packet : packets)
                interfaceFor(packet.ifindex);
        }
        if (recordOffsets)
            recordOffsets->resize(packets.size());
        IovecBatch& batch = m_output.batch();
        const std::size_t notes = m_config.programNotes ? kMaxNotesLength : 0;
        batch.begin(m_blocks.size() + packets.size() * (kEpbHeaderLength + FramePieces::kCopyLimit +
                                                        kMaxPadding + notes + kEpbTrailerLength));
        if (!m_blocks.empty())
            std::memcpy(batch.appendHeader(m_blocks.size()), m_blocks.data(), m_blocks.size());
        for (std::size_t i = 0; i < packets.size(); ++i) {
            if (recordOffsets)
                (*recordOffsets)[i] = m_output.bytesWritten() + batch.pendingBytes();
            batch.markRecord();
            appendPacket(batch, packets[i]);
        }
        return m_output.commit("packets to the capture file");
    }

    bool finish(const WriterFinalStats& stats) override
    {
        if (m_output.failed())
            return false;
        m_blocks.clear();
        // A recording on "any" that saw no packet has no IDB yet, and libpcap
        // refuses a pcapng file without one: describe the capture itself, as
        // a cooked "any" capture (what dumpcap writes for -i any).
        if (m_interfaces.empty())
            addInterface({0, "any", kLinkTypeLinuxSll2});
        const std::uint64_t endNs = nowNs();
        // The kernel counts receptions and drops per socket, not per
        // interface: a single-interface file gets them on its IDB; a file
        // from "any" puts the totals on the first IDB (said in a comment)
        // and the packets written per interface on the others. Several
        // interfaces have a socket each: every ISB has its own counts.
        const bool perInterface = severalInterfaces();
        for (const KnownInterface& known : m_interfaces) {
            BlockBuilder isb(m_blocks, kBlockInterfaceStatistics);
            isb.put32(known.id);
            isb.putTimestamp(endNs);
            const bool totals = known.id == 0 && !perInterface;
            if (totals && m_config.anyInterface)
                isb.option(kOptComment, kAnyStatisticsComment, sizeof kAnyStatisticsComment - 1);
            isb.timestampOption(kOptIsbStartTime, m_startNs);
            isb.timestampOption(kOptIsbEndTime, endNs);
            if (perInterface) {
                const std::uint64_t drops =
                    m_config.interfaceDrops ? m_config.interfaceDrops(known.id) : 0;
                isb.option64(kOptIsbIfRecv, known.packets + drops);
                isb.option64(kOptIsbIfDrop, drops);
            } else {
                isb.option64(kOptIsbIfRecv, totals ? stats.received : known.packets);
                if (totals)
                    isb.option64(kOptIsbIfDrop, stats.dropped);
            }
            isb.finish();
        }
        return commitBlocks("the pcapng statistics");
    }

    std::uint64_t recordBytes(const PacketView& packet) const override
    {
        return epbLength(
            frameAsWritten(packet, FrameLayout::Frame, m_config.snaplen).capturedLength,
            m_config.programNotes ? notesLength(packet) : 0);
    }

    // Mirrors finish(): per IDB an ISB of type, length, interface id and
    // timestamp (20 bytes), start and end time and isb_ifrecv (12 each), the
    // end of options and the trailing length (8); the first IDB adds
    // isb_ifdrop (several interfaces: every one) and, on "any", its comment.
    std::uint64_t trailerBytes() const override
    {
        constexpr std::uint64_t kIsb = 20 + 3 * 12 + 8;
        const std::uint64_t count = std::max<std::size_t>(m_interfaces.size(), 1);
        if (severalInterfaces())
            return count * (kIsb + 12);
        std::uint64_t bytes = count * kIsb + 12;
        if (m_config.anyInterface)
            bytes += 4 + padded(sizeof kAnyStatisticsComment - 1);
        return bytes;
    }

    std::uint64_t bytesWritten() const override { return m_output.bytesWritten(); }
    const std::string& error() const override { return m_output.error(); }
    int errorNumber() const override { return m_output.errorNumber(); }
    std::size_t lastBatchPacketsWritten() const override { return m_output.lastCommitRecords(); }

private:
    bool severalInterfaces() const { return !m_config.interfaces.empty(); }

    bool commitBlocks(const char* what)
    {
        IovecBatch& batch = m_output.batch();
        batch.begin(m_blocks.size());
        std::memcpy(batch.appendHeader(m_blocks.size()), m_blocks.data(), m_blocks.size());
        return m_output.commit(what);
    }

    // Appends the IDB for a newly seen interface to m_blocks.
    KnownInterface& addInterface(const WriterInterface& info)
    {
        const auto id = static_cast<std::uint32_t>(m_interfaces.size());
        appendInterfaceDescription(m_blocks, static_cast<std::uint16_t>(info.linkType),
                                   m_config.snaplen, info.name);
        m_interfaces.push_back({info.ifindex, id, 0});
        return m_interfaces.back();
    }

    KnownInterface& interfaceFor(std::int32_t ifindex)
    {
        if (!m_config.anyInterface && !severalInterfaces())
            return m_interfaces.front();
        // Few interfaces, and packets come in runs from the same one.
        if (m_last < m_interfaces.size() && m_interfaces[m_last].ifindex == ifindex)
            return m_interfaces[m_last];
        for (std::size_t i = 0; i < m_interfaces.size(); ++i) {
            if (m_interfaces[i].ifindex == ifindex) {
                m_last = i;
                return m_interfaces[i];
            }
        }
        WriterInterface info;
        if (m_config.resolveInterface)
            info = m_config.resolveInterface(ifindex);
        info.ifindex = ifindex;
        if (info.name.empty())
            info.name = "ifindex " + std::to_string(ifindex);
        if (info.linkType == 0 && !m_config.resolveInterface)
            info.linkType = m_config.linkType;
        m_last = m_interfaces.size();
        return addInterface(info);
    }

    void appendPacket(IovecBatch& batch, const PacketView& packet)
    {
        KnownInterface& known = interfaceFor(packet.ifindex);
        ++known.packets;
        // pcapng gives every interface its own link type: always the frame
        // itself, never the cooked layout of a classic pcap "any" file.
        const FrameAsWritten frame = frameAsWritten(packet, FrameLayout::Frame, m_config.snaplen);
        const FramePieces& pieces = frame.pieces;
        const std::uint32_t dataLength = padded(frame.capturedLength);
        const std::uint32_t notes = m_config.programNotes ? notesLength(packet) : 0;
        const std::uint32_t total = epbLength(frame.capturedLength, notes);
        const auto timestamp =
            static_cast<std::uint64_t>(std::max<std::int64_t>(packet.timestampNs, 0));
        const std::uint32_t header[7] = {kBlockEnhancedPacket,
                                         total,
                                         known.id,
                                         static_cast<std::uint32_t>(timestamp >> 32),
                                         static_cast<std::uint32_t>(timestamp),
                                         frame.capturedLength,
                                         frame.wireLength};
        std::memcpy(batch.appendHeader(sizeof header), header, sizeof header);
        pieces.appendTo(batch);
        // Padding, notes and trailer share one iovec with the next block's
        // header. The notes come first among the options, sender first, as
        // Wireshark lists comments in file order.
        const std::size_t padding = dataLength - frame.capturedLength;
        std::uint8_t* trailer = batch.appendHeader(padding + notes + kEpbTrailerLength);
        std::memset(trailer, 0, padding + notes);
        std::uint8_t* cursor = trailer + padding;
        if (notes != 0) {
            for (const std::string_view note : {packet.sourceNote, packet.destinationNote}) {
                if (note.empty())
                    continue;
                const auto length =
                    static_cast<std::uint16_t>(std::min(note.size(), kMaxNoteLength));
                const std::uint16_t option[2] = {kOptComment, length};
                std::memcpy(cursor, option, sizeof option);
                std::memcpy(cursor + 4, note.data(), length);
                cursor += 4 + padded(length);
            }
        }
        const EpbTrailer options{kOptEpbFlags, 4, epbFlags(packet), 0, total};
        std::memcpy(cursor, &options, sizeof options);
    }

    BatchFileOutput m_output;
    WriterConfig m_config;
    std::uint64_t m_startNs = 0;
    std::vector<std::uint8_t> m_blocks; // SHB/IDB/ISB bytes waiting for the next write
    std::vector<KnownInterface> m_interfaces;
    std::size_t m_last = 0;
};

} // namespace

std::unique_ptr<CaptureFileWriter> makePcapngWriter(const WriterConfig& config)
{
    return std::make_unique<PcapngWriter>(config);
}

} // namespace pr
