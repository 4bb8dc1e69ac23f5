// pcapng files (draft-ietf-opsawg-pcapng): one section, an Interface
// Description Block per interface, Enhanced Packet Blocks with nanosecond
// timestamps and direction flags, Interface Statistics Blocks at the end.
// Host byte order throughout; the SHB byte-order magic tells readers.

#include "capture/engine/capture_file_writer.h"
#include "capture/engine/frame_as_written.h"
#include "capture/engine/interface_info.h"
#include "capture/engine/iovec_batch.h"

#include <algorithm>
#include <cstring>
#include <ctime>

namespace pr {

namespace {

constexpr std::uint32_t kBlockSectionHeader = 0x0a0d0d0a;
constexpr std::uint32_t kBlockInterfaceDescription = 0x00000001;
constexpr std::uint32_t kBlockInterfaceStatistics = 0x00000005;
constexpr std::uint32_t kBlockEnhancedPacket = 0x00000006;
constexpr std::uint32_t kByteOrderMagic = 0x1a2b3c4d;

constexpr std::uint16_t kOptEndOfOptions = 0;
constexpr std::uint16_t kOptComment = 1;
constexpr std::uint16_t kOptShbUserApplication = 4;
constexpr std::uint16_t kOptIfName = 2;
constexpr std::uint16_t kOptIfTsresol = 9;
constexpr std::uint16_t kOptEpbFlags = 2;
constexpr std::uint16_t kOptIsbStartTime = 2;
constexpr std::uint16_t kOptIsbEndTime = 3;
constexpr std::uint16_t kOptIsbIfRecv = 4;
constexpr std::uint16_t kOptIsbIfDrop = 5;

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
constexpr std::size_t kMaxInterfaceNameLength = 64;

constexpr char kAnyStatisticsComment[] =
    "received and dropped counts are totals for all interfaces";

// Linux sll_pkttype values (linux/if_packet.h).
constexpr std::uint8_t kPacketHost = 0;
constexpr std::uint8_t kPacketBroadcast = 1;
constexpr std::uint8_t kPacketMulticast = 2;
constexpr std::uint8_t kPacketOtherHost = 3;

constexpr std::uint32_t padded(std::size_t length)
{
    return static_cast<std::uint32_t>((length + 3) & ~std::size_t(3));
}

// Builds one block in a growable byte vector (headers that are rare: SHB,
// IDB, ISB). Per-packet EPBs are written in place into the iovec batch.
class BlockBuilder
{
public:
    BlockBuilder(std::vector<std::uint8_t>& out, std::uint32_t type) : m_out(out)
    {
        m_start = out.size();
        put32(type);
        put32(0); // total length, patched by finish()
    }
    void put16(std::uint16_t value) { putBytes(&value, sizeof value); }
    void put32(std::uint32_t value) { putBytes(&value, sizeof value); }
    void put64(std::uint64_t value) { putBytes(&value, sizeof value); }
    void putBytes(const void* bytes, std::size_t length)
    {
        const auto* begin = static_cast<const std::uint8_t*>(bytes);
        m_out.insert(m_out.end(), begin, begin + length);
    }
    void option(std::uint16_t code, const void* value, std::size_t length)
    {
        put16(code);
        put16(static_cast<std::uint16_t>(length));
        putBytes(value, length);
        m_out.resize(m_out.size() + (padded(length) - length), 0);
    }
    void option64(std::uint16_t code, std::uint64_t value) { option(code, &value, sizeof value); }
    void finish()
    {
        option(kOptEndOfOptions, nullptr, 0);
        const auto total = static_cast<std::uint32_t>(m_out.size() - m_start + 4);
        put32(total);
        std::memcpy(m_out.data() + m_start + 4, &total, sizeof total);
    }

private:
    std::vector<std::uint8_t>& m_out;
    std::size_t m_start = 0;
};

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
        BlockBuilder shb(m_blocks, kBlockSectionHeader);
        shb.put32(kByteOrderMagic);
        shb.put16(1); // version 1.0
        shb.put16(0);
        shb.put64(~std::uint64_t(0)); // section length not specified
        static constexpr char kApplication[] = "Packet Recorder";
        shb.option(kOptShbUserApplication, kApplication, sizeof kApplication - 1);
        shb.finish();
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
            isb.put32(static_cast<std::uint32_t>(endNs >> 32));
            isb.put32(static_cast<std::uint32_t>(endNs));
            const bool totals = known.id == 0 && !perInterface;
            if (totals && m_config.anyInterface)
                isb.option(kOptComment, kAnyStatisticsComment, sizeof kAnyStatisticsComment - 1);
            isb.option64(kOptIsbStartTime, swapHalves(m_startNs));
            isb.option64(kOptIsbEndTime, swapHalves(endNs));
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

    // pcapng timestamps are two 32-bit words, the high one first.
    static std::uint64_t swapHalves(std::uint64_t value)
    {
        const auto high = static_cast<std::uint32_t>(value >> 32);
        const auto low = static_cast<std::uint32_t>(value);
        std::uint64_t out = 0;
        std::memcpy(&out, &high, 4);
        std::memcpy(reinterpret_cast<std::uint8_t*>(&out) + 4, &low, 4);
        return out;
    }

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
        BlockBuilder idb(m_blocks, kBlockInterfaceDescription);
        idb.put16(static_cast<std::uint16_t>(info.linkType));
        idb.put16(0);
        idb.put32(m_config.snaplen);
        const std::string name = info.name.substr(0, kMaxInterfaceNameLength);
        if (!name.empty())
            idb.option(kOptIfName, name.data(), name.size());
        const std::uint8_t nanoseconds = 9;
        idb.option(kOptIfTsresol, &nanoseconds, 1);
        idb.finish();
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
